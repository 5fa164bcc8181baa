package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may read and change the tenant settings, as in Graph. The {@code authorizationPolicy}: read with
 * {@code Policy.Read.All}, {@code Policy.ReadWrite.Authorization}, {@code Directory.Read.All} or
 * {@code Directory.ReadWrite.All}; changed with {@code Policy.ReadWrite.Authorization}, and a signed-in user must
 * hold Global or Privileged Role Administrator. Group settings and their templates: read with
 * {@code Directory.Read.All} or {@code Directory.ReadWrite.All}; written with {@code Directory.ReadWrite.All}, and a
 * signed-in user must hold a group admin role (Global, Groups or User Administrator).
 */
public final class TenantSettingsPolicy {

    private TenantSettingsPolicy() {
    }

    public static boolean allowsReadAuthorizationPolicy(Caller caller) {
        return caller.hasAnyPermission(Permissions.POLICY_READ_ALL, Permissions.POLICY_READWRITE_AUTHORIZATION,
                Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL);
    }

    public static boolean allowsUpdateAuthorizationPolicy(Caller caller) {
        return caller.hasPermission(Permissions.POLICY_READWRITE_AUTHORIZATION)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.AUTHORIZATION_POLICY_ADMINS));
    }

    public static boolean allowsReadGroupSettings(Caller caller) {
        return caller.hasAnyPermission(Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL);
    }

    public static boolean allowsWriteGroupSettings(Caller caller) {
        return caller.hasPermission(Permissions.DIRECTORY_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS));
    }

    public static void checkReadAuthorizationPolicy(Caller caller) {
        check(allowsReadAuthorizationPolicy(caller));
    }

    public static void checkUpdateAuthorizationPolicy(Caller caller) {
        check(allowsUpdateAuthorizationPolicy(caller));
    }

    public static void checkReadGroupSettings(Caller caller) {
        check(allowsReadGroupSettings(caller));
    }

    public static void checkWriteGroupSettings(Caller caller) {
        check(allowsWriteGroupSettings(caller));
    }

    private static void check(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException();
        }
    }
}
