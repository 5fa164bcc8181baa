package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Collection;

/**
 * Who may edit a group's properties: {@code Group.ReadWrite.All} or {@code Directory.ReadWrite.All}; a signed-in
 * user (delegated call) must in addition hold a group admin role (Global, Groups or User Administrator) or own the
 * group. Whether the group itself accepts cloud writes is the aggregate's decision, not this policy's.
 */
public final class GroupWritePolicy {

    private GroupWritePolicy() {
    }

    /** The permission part, checked before the group is looked up. */
    public static boolean hasPermission(Caller caller) {
        return caller.hasAnyPermission(Permissions.GROUP_READWRITE_ALL, Permissions.DIRECTORY_READWRITE_ALL);
    }

    public static boolean allows(Caller caller, Collection<String> ownerIds) {
        if (!hasPermission(caller)) {
            return false;
        }
        return !caller.isDelegated()
                || caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)
                || ownerIds.contains(caller.userId());
    }

    public static void checkPermission(Caller caller) {
        if (!hasPermission(caller)) {
            throw new AccessDeniedException();
        }
    }

    public static void check(Caller caller, Collection<String> ownerIds) {
        if (!allows(caller, ownerIds)) {
            throw new AccessDeniedException();
        }
    }
}
