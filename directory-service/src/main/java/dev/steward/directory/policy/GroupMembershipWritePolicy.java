package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.function.Predicate;

/**
 * Who may add and remove a group's members and owners: {@code GroupMember.ReadWrite.All},
 * {@code Group.ReadWrite.All} or {@code Directory.ReadWrite.All}; a signed-in user (delegated call) must in addition
 * hold a group admin role (Global, Groups or User Administrator) or own the group. Applications act with their
 * roles alone. Whether the group accepts the change is the aggregate's decision.
 */
public final class GroupMembershipWritePolicy {

    private GroupMembershipWritePolicy() {
    }

    public static boolean hasPermission(Caller caller) {
        return caller.hasAnyPermission(Permissions.GROUP_MEMBER_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL,
                Permissions.DIRECTORY_READWRITE_ALL);
    }

    /** @param ownsGroup whether a user id owns the group in question */
    public static boolean allows(Caller caller, Predicate<String> ownsGroup) {
        if (!hasPermission(caller)) {
            return false;
        }
        return !caller.isDelegated()
                || caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)
                || ownsGroup.test(caller.userId());
    }

    public static void checkPermission(Caller caller) {
        if (!hasPermission(caller)) {
            throw new AccessDeniedException();
        }
    }

    public static void check(Caller caller, Predicate<String> ownsGroup) {
        if (!allows(caller, ownsGroup)) {
            throw new AccessDeniedException();
        }
    }
}
