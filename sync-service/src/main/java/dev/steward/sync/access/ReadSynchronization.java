package dev.steward.sync.access;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;

/**
 * Who may read sync cycles and the connector space: {@code Synchronization.Read.All} or
 * {@code Synchronization.ReadWrite.All}, as a delegated scope or an application role.
 */
public final class ReadSynchronization {

    private ReadSynchronization() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(Permissions.SYNCHRONIZATION_READ_ALL, Permissions.SYNCHRONIZATION_READWRITE_ALL);
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
