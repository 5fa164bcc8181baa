package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;

/**
 * Who may read members, owners and memberships: anyone who may read groups, plus {@code GroupMember.Read.All} and
 * {@code GroupMember.ReadWrite.All}, as a delegated scope or an application role.
 */
public final class GroupMembershipReadPolicy {

    private GroupMembershipReadPolicy() {
    }

    public static boolean allows(Caller caller) {
        return GroupReadPolicy.allows(caller)
                || caller.hasAnyPermission(Permissions.GROUP_MEMBER_READ_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL);
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
