package dev.steward.platform.security;

/**
 * Permission names, used both as delegated scopes ({@code scp}) and as application roles ({@code roles}),
 * as in Microsoft Graph.
 */
public final class Permissions {

    public static final String GROUP_READ_ALL = "Group.Read.All";
    public static final String GROUP_READWRITE_ALL = "Group.ReadWrite.All";
    public static final String GROUP_MEMBER_READ_ALL = "GroupMember.Read.All";
    public static final String GROUP_MEMBER_READWRITE_ALL = "GroupMember.ReadWrite.All";
    public static final String DIRECTORY_READ_ALL = "Directory.Read.All";
    public static final String DIRECTORY_READWRITE_ALL = "Directory.ReadWrite.All";
    public static final String ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL = "Group-OnPremisesSyncBehavior.ReadWrite.All";
    /** The sync engine writing AD objects into the directory. Application role only. */
    public static final String ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL =
            "OnPremDirectorySynchronization.ReadWrite.All";
    public static final String SYNCHRONIZATION_READ_ALL = "Synchronization.Read.All";
    public static final String SYNCHRONIZATION_READWRITE_ALL = "Synchronization.ReadWrite.All";
    public static final String AUDIT_LOG_READ_ALL = "AuditLog.Read.All";
    /** Create groups (and update, delete the ones the caller owns). */
    public static final String GROUP_CREATE = "Group.Create";
    public static final String USER_READWRITE_ALL = "User.ReadWrite.All";
    public static final String LICENSE_ASSIGNMENT_READWRITE_ALL = "LicenseAssignment.ReadWrite.All";
    public static final String POLICY_READ_ALL = "Policy.Read.All";
    /** Read and change the tenant's {@code authorizationPolicy}. */
    public static final String POLICY_READWRITE_AUTHORIZATION = "Policy.ReadWrite.Authorization";

    /**
     * Read the operations endpoints (Prometheus metrics, OpenAPI description) when
     * {@code steward.security.protect-operations=true}. Steward's own application role (a monitoring system's
     * client credentials), not a Graph permission.
     */
    public static final String OPERATIONS_READ = "Steward.Operations.Read";

    private Permissions() {
    }
}
