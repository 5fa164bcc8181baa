package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Set;

/**
 * Who may assign and remove users' licences ({@code assignLicense}), as in Graph: {@code LicenseAssignment.ReadWrite.All},
 * {@code User.ReadWrite.All} or {@code Directory.ReadWrite.All}; a signed-in user must in addition hold Global, User
 * or License Administrator.
 */
public final class LicenseAssignmentPolicy {

    /** Graph's permission for licence assignment only. */
    public static final String LICENSE_ASSIGNMENT_READWRITE_ALL = "LicenseAssignment.ReadWrite.All";
    /** The License Administrator role template id. */
    public static final String LICENSE_ADMINISTRATOR = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    /** Roles that may assign licences to a signed-in caller's users. */
    public static final Set<String> LICENSE_ADMINS = Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR,
            DirectoryRoles.USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR);

    private LicenseAssignmentPolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(LICENSE_ASSIGNMENT_READWRITE_ALL, Permissions.USER_READWRITE_ALL,
                Permissions.DIRECTORY_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(LICENSE_ADMINS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
