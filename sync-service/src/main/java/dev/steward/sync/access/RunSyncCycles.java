package dev.steward.sync.access;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may start a sync cycle: {@code Synchronization.ReadWrite.All} as a delegated scope or an application role,
 * and, for a signed-in user, a sync administrator role (Hybrid Identity Administrator or Global Administrator).
 */
public final class RunSyncCycles {

    private RunSyncCycles() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasPermission(Permissions.SYNCHRONIZATION_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.SYNC_ADMINS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
