package dev.steward.selfservice.mygroups;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.platform.outbox.Outbox;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.web.KeysetPage;
import dev.steward.selfservice.config.IdGenerator;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.directory.UserDirectory;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.command.DecisionPermission;
import dev.steward.selfservice.membership.command.ManageableInMyGroupsPolicy;
import dev.steward.selfservice.membership.command.PremiumLicensePolicy;
import dev.steward.selfservice.membership.query.MyGroupsReadPermission;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups of My Groups: the groups a user can see and join (every group manageable in My Groups, by the same
 * {@link ManageableInMyGroupsPolicy} as requests), the groups they are a member of and the groups they own; and the
 * join policy, which a current owner of the group or a group administrator changes.
 */
@Service
public class MyGroupsService {

    private final MyGroupsReadPermission readPermission;
    private final DecisionPermission writePermission;
    private final ManageableInMyGroupsPolicy manageable;
    private final GroupDirectory groups;
    private final MyGroupsDirectory lists;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final TenantRestrictions restrictions;
    private final VisibleGroups visibleGroups;
    private final PremiumLicensePolicy licence;
    private final UserDirectory users;

    public MyGroupsService(TenantRestrictions restrictions, VisibleGroups visibleGroups,
                           MyGroupsReadPermission readPermission, DecisionPermission writePermission,
                           ManageableInMyGroupsPolicy manageable, GroupDirectory groups, MyGroupsDirectory lists,
                           Outbox outbox, IdGenerator ids, Clock clock, PremiumLicensePolicy licence,
                           UserDirectory users) {
        this.licence = licence;
        this.users = users;
        this.restrictions = restrictions;
        this.visibleGroups = visibleGroups;
        this.readPermission = readPermission;
        this.writePermission = writePermission;
        this.manageable = manageable;
        this.groups = groups;
        this.lists = lists;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** A page of groups: ids after the cursor, their views, and where the next page starts (null on the last). */
    public record GroupPage(List<GroupView> groups, GroupCursor next) {
    }

    /** Groups manageable in My Groups (visible; {@code canRequestToJoin} says whether the caller may ask now). */
    @Transactional(readOnly = true)
    public GroupPage visible(Caller caller, GroupCursor after, int limit) {
        readPermission.check(caller);
        return page(caller, (from, n) -> lists.allAfter(from, n), after, limit,
                group -> visibleGroups.isVisible(caller, group));
    }

    @Transactional(readOnly = true)
    public GroupPage memberOf(Caller caller, GroupCursor after, int limit) {
        readPermission.check(caller);
        return page(caller, (from, n) -> lists.memberOfAfter(caller.userId(), from, n), after, limit,
                group -> restrictions.maySee(caller, group));
    }

    @Transactional(readOnly = true)
    public GroupPage owned(Caller caller, GroupCursor after, int limit) {
        readPermission.check(caller);
        return page(caller, (from, n) -> lists.ownedAfter(caller.userId(), from, n), after, limit,
                group -> restrictions.maySee(caller, group));
    }

    /** One group as the caller sees it; 404 for an unknown group or one not manageable in My Groups. */
    @Transactional(readOnly = true)
    public GroupView one(Caller caller, String groupId) {
        readPermission.check(caller);
        return view(caller, visibleGroups.find(caller, groupId));
    }

    /**
     * Sets the group's join policy, with its second approval stage, and queues {@code GroupJoinPolicyChanged} and
     * {@code GroupSecondStageApproverChanged} for what changed; setting the same again changes nothing and publishes
     * nothing. Making a group require owner approval needs an Entra ID P1 or P2 licence ({@link PremiumLicensePolicy};
     * group administrators are not bound).
     *
     * @param secondStageApproverGroupId the group whose members approve after an owner (owner approval only), or null
     * @throws AccessDeniedException    when the caller is neither a current owner nor a group administrator
     * @throws MembershipRequestRefused for an unknown policy, an unknown group, or one not manageable here, an unknown
     *                                  approver group, a second stage without owner approval, or a missing licence
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public GroupView changeJoinPolicy(Caller caller, String groupId, String joinPolicy,
                                      String secondStageApproverGroupId, String correlationId) {
        writePermission.checkSignedInWriter(caller);
        JoinPolicy policy = JoinPolicy.fromWireName(joinPolicy).orElseThrow(() -> new MembershipRequestRefused(
                RefusalReason.INVALID_REQUEST, "The property 'joinPolicy' must be one of Open, OwnerApproval, Closed."));
        KnownGroup group = groups.findForUpdate(groupId)
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, groupId));
        restrictions.checkMaySee(caller, group);
        boolean administrator = caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS);
        if (!group.isOwner(caller.userId()) && !administrator) {
            throw new AccessDeniedException();
        }
        manageable.check(group);
        String approverGroup = secondStage(policy, secondStageApproverGroupId);
        if (policy == JoinPolicy.OWNER_APPROVAL && group.joinPolicy() != policy && !administrator) {
            licence.checkMayRequireApproval(caller.userId(), users.assignedSkuIds(caller.userId()));
        }
        Instant now = Timestamps.stored(clock.instant());
        if (group.joinPolicy() != policy) {
            groups.setJoinPolicy(groupId, policy);
            outbox.append(Topics.SELFSERVICE_EVENTS, new GroupJoinPolicyChanged(metadata(caller, groupId, correlationId,
                    now), groupId, group.displayName(), policy.wireName(), group.joinPolicy().wireName()));
        }
        String previousApproverGroup = groups.secondStageGroupId(groupId).orElse(null);
        if (!java.util.Objects.equals(previousApproverGroup, approverGroup)) {
            groups.setSecondStageGroupId(groupId, approverGroup);
            outbox.append(Topics.SELFSERVICE_EVENTS, new GroupSecondStageApproverChanged(metadata(caller, groupId,
                    correlationId, now), groupId, group.displayName(), approverGroup, previousApproverGroup));
        }
        return view(caller, groups.find(groupId).orElseThrow());
    }

    /** The approver group of the second stage: only with owner approval, and a group the directory announced. */
    private String secondStage(JoinPolicy policy, String approverGroupId) {
        if (approverGroupId == null) {
            return null;
        }
        if (policy != JoinPolicy.OWNER_APPROVAL) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The property "
                    + "'secondStageApproverGroupId' is allowed only with the join policy OwnerApproval.");
        }
        return groups.find(approverGroupId).map(KnownGroup::id).orElseThrow(() -> new MembershipRequestRefused(
                RefusalReason.APPROVER_GROUP_NOT_FOUND, "The approver group '" + approverGroupId + "' does not exist."));
    }

    private EventMetadata metadata(Caller caller, String groupId, String correlationId, Instant now) {
        return new EventMetadata(ids.newId(), now, groupId, correlationId, caller.toInitiator(),
                EventMetadata.CURRENT_SCHEMA_VERSION);
    }


    private GroupView view(Caller caller, KnownGroup group) {
        boolean member = groups.isDirectMember(group.id(), caller.userId());
        boolean joinable = manageable.allows(group) && group.joinPolicy() != JoinPolicy.CLOSED && !member
                && (group.joinPolicy() == JoinPolicy.OPEN || !group.ownerIds().isEmpty());
        return GroupView.of(group, groups.secondStageGroupId(group.id()).orElse(null), caller.userId(), member,
                lists.hasOpenRequest(group.id(), caller.userId()), joinable);
    }

    /**
     * Reads ids a page at a time and keeps the groups {@code shown} lets through: the page ends at the {@code limit}th
     * group kept, and has a next page when any id follows it.
     */
    private GroupPage page(Caller caller, IdSource source, GroupCursor after, int limit, Predicate<KnownGroup> shown) {
        List<GroupView> views = new ArrayList<>();
        String from = after == null ? null : after.afterId();
        while (true) {
            KeysetPage<String, String> batch = KeysetPage.of(source.after(from, KeysetPage.fetchSize(limit)), limit,
                    id -> id);
            List<String> ids = batch.rows();
            for (int i = 0; i < ids.size(); i++) {
                groups.find(ids.get(i)).filter(shown).ifPresent(group -> views.add(view(caller, group)));
                if (views.size() == limit) {
                    boolean more = i < ids.size() - 1 || batch.next() != null;
                    return new GroupPage(views, more ? new GroupCursor(ids.get(i)) : null);
                }
            }
            if (batch.next() == null) {
                return new GroupPage(views, null);
            }
            from = batch.next();
        }
    }

    @FunctionalInterface
    private interface IdSource {
        List<String> after(String afterId, int limit);
    }
}
