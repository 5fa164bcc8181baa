package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.selfservice.directory.KnownGroup;
import org.springframework.stereotype.Component;

/**
 * Who manages a group's members directly in My Groups (list, add, remove): a current owner of the group, or a group
 * administrator ({@link DirectoryRoles#GROUP_ADMINS}: administrators see everything). An owner manages only their own
 * groups, so the owner of one group cannot see or change another group's members. Whether the caller may read or
 * write at all (scopes, delegated token) is checked before, by {@code MyGroupsReadPermission} and
 * {@link DecisionPermission#checkSignedInWriter}.
 */
@Component
public class MemberManagementPermission {

    /** @throws AccessDeniedException when the caller is neither a current owner of the group nor a group admin */
    public void checkMayManageMembers(Caller caller, KnownGroup group) {
        if (!group.isOwner(caller.userId()) && !caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)) {
            throw new AccessDeniedException();
        }
    }
}
