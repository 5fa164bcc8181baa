package dev.steward.audit.rebuild;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may rebuild the audit projection and read a rebuild's progress: a signed-in Global Administrator whose token
 * also carries {@code AuditLog.Read.All}. An application may not: a rebuild replaces every entry, an operator's
 * decision.
 */
@Component
public class RebuildPolicy {

    static final Set<String> REBUILD_ADMINS = Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR);

    public boolean permits(Caller caller) {
        return caller.isDelegated() && caller.hasPermission(Permissions.AUDIT_LOG_READ_ALL)
                && caller.hasAnyDirectoryRole(REBUILD_ADMINS);
    }

    /** @throws AccessDeniedException (403) when {@link #permits} says no */
    public void check(Caller caller) {
        if (!permits(caller)) {
            throw new AccessDeniedException();
        }
    }
}
