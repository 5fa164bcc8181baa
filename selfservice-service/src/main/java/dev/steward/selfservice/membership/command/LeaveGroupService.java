package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.settings.TenantRestrictions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user leaves a group they are a direct member of: the directory's {@code RemoveMembers} is queued at
 * once, for any group manageable in My Groups whatever its join policy.
 */
@Service
public class LeaveGroupService {

    private final DecisionPermission permission;
    private final ManageableInMyGroupsPolicy manageable;
    private final GroupDirectory groups;
    private final DirectoryCommands commands;
    private final TenantRestrictions restrictions;

    public LeaveGroupService(DecisionPermission permission, ManageableInMyGroupsPolicy manageable,
                             GroupDirectory groups, DirectoryCommands commands, TenantRestrictions restrictions) {
        this.restrictions = restrictions;
        this.permission = permission;
        this.manageable = manageable;
        this.groups = groups;
        this.commands = commands;
    }

    /**
     * Answers the id of the queued {@code RemoveMembers} command.
     *
     * @throws AccessDeniedException    when the caller is not a signed-in user who may change memberships
     * @throws MembershipRequestRefused for an unknown or unmanageable group, or a caller who is not a member
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public String leave(Caller caller, String groupId, String correlationId) {
        permission.checkSignedInWriter(caller);
        KnownGroup group = groups.findForUpdate(groupId)
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, groupId));
        restrictions.checkMaySee(caller, group);
        manageable.check(group);
        if (!groups.isDirectMember(group.id(), caller.userId())) {
            throw new MembershipRequestRefused(RefusalReason.NOT_A_MEMBER,
                    "User '" + caller.userId() + "' is not a member of group '" + group.displayName() + "'.");
        }
        return commands.queueRemove(group.id(), caller.userId(), caller.userId(), correlationId);
    }
}
