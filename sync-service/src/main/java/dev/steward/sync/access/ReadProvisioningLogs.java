package dev.steward.sync.access;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may read the provisioning logs: {@code AuditLog.Read.All} as a delegated scope or an application role, and,
 * for a signed-in user, a role that reads audit logs (Global Administrator, Global Reader, Reports Reader, Security
 * Reader, Groups Administrator, Hybrid Identity Administrator).
 */
public final class ReadProvisioningLogs {

    private ReadProvisioningLogs() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasPermission(Permissions.AUDIT_LOG_READ_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.AUDIT_READERS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
