package dev.steward.audit.directoryaudit.web;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import org.springframework.stereotype.Component;

/**
 * Who may read the audit log, as in Entra ID: the permission {@code AuditLog.Read.All} (a delegated scope or an
 * application role), and for a signed-in user also a directory role that reads audit logs
 * ({@link DirectoryRoles#AUDIT_READERS}).
 */
@Component
public class AuditLogReadPolicy {

    public boolean permits(Caller caller) {
        if (!caller.hasPermission(Permissions.AUDIT_LOG_READ_ALL)) {
            return false;
        }
        return !caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.AUDIT_READERS);
    }

    /** @throws AccessDeniedException (403) when {@link #permits} says no */
    public void check(Caller caller) {
        if (!permits(caller)) {
            throw new AccessDeniedException();
        }
    }
}
