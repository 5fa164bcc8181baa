package dev.steward.selfservice.mygroups;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.web.KeysetPage;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.directory.UserDirectory;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.command.DecisionPermission;
import dev.steward.selfservice.membership.command.ManageableInMyGroupsPolicy;
import dev.steward.selfservice.membership.command.MemberManagementPermission;
import dev.steward.selfservice.membership.query.MyGroupsReadPermission;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner's member management of their own groups (a group administrator's of any group): list the direct members,
 * add a user at once, remove a member at once. Adds and removals are the directory's {@code AddMembers} and
 * {@code RemoveMembers}, queued in the caller's transaction as an approval and leaving queue theirs; the read model
 * shows the change when the directory announces it. No membership request is made or needed, whatever the group's
 * join policy (a closed group is one where only owners add members).
 */
@Service
public class GroupMembersService {

    private final MyGroupsReadPermission readPermission;
    private final DecisionPermission writePermission;
    private final MemberManagementPermission permission;
    private final ManageableInMyGroupsPolicy manageable;
    private final TenantRestrictions restrictions;
    private final VisibleGroups visibleGroups;
    private final GroupDirectory groups;
    private final UserDirectory users;
    private final MyGroupsDirectory lists;
    private final DirectoryCommands commands;

    public GroupMembersService(MyGroupsReadPermission readPermission, DecisionPermission writePermission,
                               MemberManagementPermission permission, ManageableInMyGroupsPolicy manageable,
                               TenantRestrictions restrictions, VisibleGroups visibleGroups, GroupDirectory groups,
                               UserDirectory users, MyGroupsDirectory lists, DirectoryCommands commands) {
        this.readPermission = readPermission;
        this.writePermission = writePermission;
        this.permission = permission;
        this.manageable = manageable;
        this.restrictions = restrictions;
        this.visibleGroups = visibleGroups;
        this.groups = groups;
        this.users = users;
        this.lists = lists;
        this.commands = commands;
    }

    /** A page of members (Graph directory objects) and where the next page starts (null on the last). */
    public record MemberPage(List<Map<String, Object>> members, GroupCursor next) {
    }

    /** A queued member change: the directory command's id, as leaving answers it. */
    public record QueuedMemberChange(String commandId, String groupId, String memberId, String commandType) {
    }

    /**
     * The group's direct members, by id. An unknown group, one not manageable in My Groups and one hidden from the
     * caller answer 404, as {@code GET /mygroups/groups/{id}} does.
     *
     * @throws AccessDeniedException when the caller may not read, or is neither an owner nor a group administrator
     */
    @Transactional(readOnly = true)
    public MemberPage members(Caller caller, String groupId, GroupCursor after, int limit) {
        readPermission.check(caller);
        KnownGroup group = visibleGroups.find(caller, groupId);
        permission.checkMayManageMembers(caller, group);
        List<Map<String, Object>> fetched = lists.membersAfter(group.id(), after == null ? null : after.afterId(),
                KeysetPage.fetchSize(limit));
        KeysetPage<Map<String, Object>, GroupCursor> page = KeysetPage.of(fetched, limit,
                last -> new GroupCursor((String) last.get("id")));
        return new MemberPage(page.rows(), page.next());
    }

    /**
     * Adds a user to the group at once: queues {@code AddMembers}.
     *
     * @throws AccessDeniedException    when the caller is not a signed-in writer, or neither an owner nor an admin
     * @throws MembershipRequestRefused for an unknown or hidden group (404), one not manageable here (400), no
     *                                  {@code memberId} (400), an unknown user (404), a user who is a member already
     *                                  or whose add is under way (400)
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public QueuedMemberChange add(Caller caller, String groupId, String memberId, String correlationId) {
        KnownGroup group = managedGroup(caller, groupId);
        if (memberId == null || memberId.isBlank()) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST,
                    "The property 'memberId' is required: the id of the user to add.");
        }
        if (users.find(memberId).isEmpty()) {
            throw MembershipRequestRefused.notFound(RefusalReason.MEMBER_NOT_FOUND, memberId);
        }
        if (groups.isDirectMember(group.id(), memberId) || commands.hasUnansweredAdd(group.id(), memberId)) {
            throw new MembershipRequestRefused(RefusalReason.ALREADY_A_MEMBER, "One or more added object references "
                    + "already exist for the following modified properties: 'members'.");
        }
        return new QueuedMemberChange(commands.queueAdd(group.id(), memberId, null, caller.userId(), correlationId),
                group.id(), memberId, "AddMembers");
    }

    /**
     * Removes a direct member from the group at once: queues {@code RemoveMembers}.
     *
     * @throws AccessDeniedException    when the caller is not a signed-in writer, or neither an owner nor an admin
     * @throws MembershipRequestRefused for an unknown or hidden group (404), one not manageable here (400), or a
     *                                  member id that is not a direct member (404)
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public QueuedMemberChange remove(Caller caller, String groupId, String memberId, String correlationId) {
        KnownGroup group = managedGroup(caller, groupId);
        if (!groups.isDirectMember(group.id(), memberId)) {
            throw MembershipRequestRefused.notFound(RefusalReason.MEMBER_NOT_FOUND, memberId);
        }
        return new QueuedMemberChange(commands.queueRemove(group.id(), memberId, caller.userId(), correlationId),
                group.id(), memberId, "RemoveMembers");
    }

    /** The group, locked, for a change: the same order of checks as the join policy's change. */
    private KnownGroup managedGroup(Caller caller, String groupId) {
        writePermission.checkSignedInWriter(caller);
        KnownGroup group = groups.findForUpdate(groupId)
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, groupId));
        restrictions.checkMaySee(caller, group);
        permission.checkMayManageMembers(caller, group);
        manageable.check(group);
        return group;
    }
}
