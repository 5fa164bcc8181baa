package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may create a group, over HTTP and Kafka alike: {@code Group.ReadWrite.All}, {@code Directory.ReadWrite.All}
 * or {@code Group.Create}. An application, and a signed-in user holding a group admin role (Global, Groups or User
 * Administrator), need nothing more. An ordinary signed-in user is bound by the tenant settings
 * (DOMAIN.md section 4): a Microsoft 365 group ({@code groupTypes} has {@code Unified}) only if
 * {@code EnableGroupCreation} is true or they are a member of {@code GroupCreationAllowedGroupId}; any other
 * (security) group only if {@code allowedToCreateSecurityGroups} is true.
 */
public final class GroupCreatePolicy {

    private GroupCreatePolicy() {
    }

    /** The permission part, checked before the request is read. */
    public static boolean hasPermission(Caller caller) {
        return caller.hasAnyPermission(Permissions.GROUP_READWRITE_ALL, Permissions.DIRECTORY_READWRITE_ALL,
                Permissions.GROUP_CREATE);
    }

    /** True for callers the tenant's creation settings do not bind: applications and group admins. */
    public static boolean isUnbound(Caller caller) {
        return !caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS);
    }

    /** @param microsoft365 whether the group to create is a Microsoft 365 group */
    public static boolean allows(Caller caller, boolean microsoft365, GroupCreationSettings settings) {
        if (!hasPermission(caller)) {
            return false;
        }
        if (isUnbound(caller)) {
            return true;
        }
        return microsoft365 ? settings.userMayCreateMicrosoft365Groups(caller.userId())
                : settings.usersMayCreateSecurityGroups();
    }

    public static void checkPermission(Caller caller) {
        if (!hasPermission(caller)) {
            throw new AccessDeniedException();
        }
    }

    public static void check(Caller caller, boolean microsoft365, GroupCreationSettings settings) {
        if (!allows(caller, microsoft365, settings)) {
            throw new AccessDeniedException();
        }
    }
}
