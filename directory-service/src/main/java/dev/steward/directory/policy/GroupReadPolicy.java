package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;

/**
 * Who may read groups: a caller with {@code Group.Read.All}, {@code Group.ReadWrite.All}, {@code Directory.Read.All}
 * or {@code Directory.ReadWrite.All}, as a delegated scope or an application role.
 */
public final class GroupReadPolicy {

    private GroupReadPolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(Permissions.GROUP_READ_ALL, Permissions.GROUP_READWRITE_ALL,
                Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL);
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
