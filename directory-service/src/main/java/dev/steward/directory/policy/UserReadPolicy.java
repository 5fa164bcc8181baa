package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;

/**
 * Who may read users: {@code User.Read.All}, {@code User.ReadWrite.All}, {@code Directory.Read.All} or
 * {@code Directory.ReadWrite.All}, as a delegated scope or an application role.
 */
public final class UserReadPolicy {

    /** Not (yet) in the platform's {@link Permissions}. */
    public static final String USER_READ_ALL = "User.Read.All";
    public static final String USER_READWRITE_ALL = "User.ReadWrite.All";

    private UserReadPolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(USER_READ_ALL, USER_READWRITE_ALL, Permissions.DIRECTORY_READ_ALL,
                Permissions.DIRECTORY_READWRITE_ALL);
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
