package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may create a group through the directory API: {@code Group.ReadWrite.All} or {@code Directory.ReadWrite.All};
 * a signed-in user must in addition hold a group admin role. End users create groups through self-service, whose
 * tenant settings decide that.
 */
public final class GroupCreatePolicy {

    private GroupCreatePolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(Permissions.GROUP_READWRITE_ALL, Permissions.DIRECTORY_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
