package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.selfservice.config.IdGenerator;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.directory.KnownUser;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.directory.UserDirectory;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestDraft;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.RequestStatus;
import dev.steward.selfservice.config.RequestLifecycleProperties;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks to join a group on behalf of a caller: the one path for HTTP and Kafka. The named policies decide, in
 * order: who the requester is, whether the group is known and manageable in My Groups, what its join policy makes of
 * the request (closed: refused; open: joined at once; owner approval: it needs owners to approve), whether the
 * requester may join, whether they hold an Entra ID P1 or P2 licence, whether a request is already open. An accepted request is stored with the owners it is routed
 * to and its {@code MembershipRequested} event is queued in the same transaction; for an open group the request is
 * approved at once and the directory's {@code AddMembers} is queued with it.
 */
@Service
public class MembershipRequestService {

    private final MembershipRequestPermission permission;
    private final ManageableInMyGroupsPolicy manageable;
    private final GroupHasOwnersPolicy hasOwners;
    private final JoinEligibilityPolicy eligibility;
    private final PremiumLicensePolicy licence;
    private final SinglePendingRequestPolicy singlePending;
    private final JoinPolicyRule joinPolicy;
    private final RequestEvents events;
    private final DirectoryCommands directoryCommands;
    private final RequestLifecycleProperties lifecycle;
    private final TenantRestrictions restrictions;
    private final GroupDirectory groups;
    private final UserDirectory users;
    private final MembershipRequests requests;
    private final Clock clock;
    private final IdGenerator ids;

    public MembershipRequestService(MembershipRequestPermission permission, ManageableInMyGroupsPolicy manageable,
                                    GroupHasOwnersPolicy hasOwners, JoinEligibilityPolicy eligibility,
                                    PremiumLicensePolicy licence,
                                    SinglePendingRequestPolicy singlePending, JoinPolicyRule joinPolicy,
                                    GroupDirectory groups, UserDirectory users, MembershipRequests requests,
                                    RequestEvents events, DirectoryCommands directoryCommands,
                                    RequestLifecycleProperties lifecycle, TenantRestrictions restrictions,
                                    Clock clock, IdGenerator ids) {
        this.restrictions = restrictions;
        this.permission = permission;
        this.manageable = manageable;
        this.hasOwners = hasOwners;
        this.eligibility = eligibility;
        this.licence = licence;
        this.singlePending = singlePending;
        this.joinPolicy = joinPolicy;
        this.events = events;
        this.directoryCommands = directoryCommands;
        this.lifecycle = lifecycle;
        this.groups = groups;
        this.users = users;
        this.requests = requests;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Stores a pending request routed to every owner of the group and queues its event.
     *
     * @throws AccessDeniedException    when the caller may not make this request
     * @throws MembershipRequestRefused when a rule refuses it; nothing is written then
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public MembershipRequest request(Caller caller, MembershipRequestDraft draft) {
        String requesterId = permission.requesterFor(caller, draft.requesterId());
        validate(draft);
        KnownGroup group = groups.findForUpdate(draft.groupId())
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, draft.groupId()));
        restrictions.checkMaySee(caller, group);
        manageable.check(group);
        boolean atOnce = joinPolicy.joinsAtOnce(group);
        if (!atOnce) {
            hasOwners.check(group);
        }
        String requesterUpn = requesterUserPrincipalName(caller, requesterId);
        eligibility.check(group, requesterId);
        licence.checkMayRequestToJoin(requesterId,
                licence.enforced() ? users.assignedSkuIds(requesterId) : List.of());
        singlePending.check(group, requesterId);

        Instant now = Timestamps.stored(clock.instant());
        String requestId = ids.newId().toString();
        MembershipRequest request = MembershipRequest.made(requestId, group.id(), group.displayName(), requesterId,
                requesterUpn, draft.justification(), atOnce ? RequestStatus.APPROVED : RequestStatus.PENDING, now,
                group.ownerIds(), atOnce ? null : now.plus(lifecycle.expireAfter()));
        String correlationId = draft.correlationId() == null ? requestId : draft.correlationId();
        requests.insert(request, correlationId);
        RequestEvents.Cause cause = new RequestEvents.Cause(now, caller.toInitiator(), correlationId);
        events.requested(request, cause);
        if (atOnce) {
            events.approved(request, null, true, cause);
            requests.recordAddCommand(requestId, directoryCommands.queueAdd(group.id(), requesterId, requestId,
                    caller.userId() == null ? caller.appId() : caller.userId(), correlationId));
        }
        return request;
    }

    private static void validate(MembershipRequestDraft draft) {
        if (draft.groupId() == null || draft.groupId().isBlank()) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The property 'groupId' is required.");
        }
        if (draft.justification() != null
                && draft.justification().length() > MembershipRequestDraft.MAX_JUSTIFICATION_LENGTH) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The property 'justification' is longer "
                    + "than " + MembershipRequestDraft.MAX_JUSTIFICATION_LENGTH + " characters.");
        }
    }

    /** The caller's own name comes from the token if the directory has not synced them; anyone else must be known. */
    private String requesterUserPrincipalName(Caller caller, String requesterId) {
        Optional<KnownUser> known = users.find(requesterId);
        if (requesterId.equals(caller.userId())) {
            return known.map(KnownUser::userPrincipalName).orElse(caller.userPrincipalName());
        }
        return known.orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.REQUESTER_NOT_FOUND, requesterId))
                .userPrincipalName();
    }
}
