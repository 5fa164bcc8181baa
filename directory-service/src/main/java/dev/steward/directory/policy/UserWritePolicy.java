package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may create, update and delete cloud users: {@code User.ReadWrite.All} or {@code Directory.ReadWrite.All}; a
 * signed-in user must in addition hold Global or User Administrator. Whether the user accepts cloud writes (a user
 * synced from AD does not) is the aggregate's decision.
 */
public final class UserWritePolicy {

    private UserWritePolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(Permissions.USER_READWRITE_ALL, Permissions.DIRECTORY_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.USER_ADMINS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
