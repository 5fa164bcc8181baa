package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.MembershipRequests.Transition;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import dev.steward.selfservice.membership.query.RequestParticipants;
import dev.steward.selfservice.membership.query.RequestVisibilityPolicy;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approves, rejects and cancels requests: the one path for HTTP and Kafka. The request's row is locked for the
 * decision, so two deciders at the same moment are serialised and the second finds the request decided: exactly one
 * outcome. When the group's join policy names a second approver group, an owner's approval moves the request to the
 * second stage (nobody is added yet) and one member of that group decides it, under the same lock. The final approval
 * queues the directory's {@code AddMembers} in the same transaction; the request completes when the directory
 * confirms.
 */
@Service
public class MembershipDecisionService {

    public static final int MAX_REASON_LENGTH = 1000;

    private final DecisionPermission permission;
    private final RequestVisibilityPolicy visibility;
    private final MembershipRequests requests;
    private final GroupDirectory groups;
    private final RequestEvents events;
    private final DirectoryCommands directoryCommands;
    private final TenantRestrictions restrictions;
    private final RequestParticipants participants;
    private final Clock clock;

    public MembershipDecisionService(DecisionPermission permission, RequestVisibilityPolicy visibility,
                                     MembershipRequests requests, GroupDirectory groups, RequestEvents events,
                                     DirectoryCommands directoryCommands, TenantRestrictions restrictions,
                                     RequestParticipants participants, Clock clock) {
        this.participants = participants;
        this.restrictions = restrictions;
        this.permission = permission;
        this.visibility = visibility;
        this.requests = requests;
        this.groups = groups;
        this.events = events;
        this.directoryCommands = directoryCommands;
        this.clock = clock;
    }

    /**
     * @throws AccessDeniedException    when the caller may not decide this request
     * @throws MembershipRequestRefused when it does not exist (for the caller) or is no longer pending
     */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public MembershipRequest approve(Caller caller, String requestId, String correlationId) {
        MembershipRequest request = lockForDecision(caller, requestId);
        Instant now = Timestamps.stored(clock.instant());
        RequestEvents.Cause cause = cause(caller, request, correlationId, now);
        if (request.status() == RequestStatus.PENDING) {
            Optional<String> secondStage = groups.secondStageGroupId(request.groupId());
            if (secondStage.isPresent()) {
                if (!requests.startSecondStage(request.id(), secondStage.get(),
                        groups.directMemberIds(secondStage.get()), caller.userId(), now)) {
                    throw new IllegalStateException("request " + request.id() + " changed under its row lock");
                }
                events.firstStageApproved(request, caller.userId(), secondStage.get(), cause);
                return reread(requestId);
            }
        }
        move(request, RequestStatus.APPROVED, Transition.decided(caller.userId(), now, null));
        events.approved(request, caller.userId(), false, cause);
        requests.recordAddCommand(request.id(), directoryCommands.queueAdd(request.groupId(), request.requesterId(),
                request.id(), caller.userId(), cause.correlationId()));
        return reread(requestId);
    }

    /** As {@link #approve}; a reason of 1 to {@value #MAX_REASON_LENGTH} characters is required. */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public MembershipRequest reject(Caller caller, String requestId, String reason, String correlationId) {
        permission.checkSignedInWriter(caller);
        if (reason == null || reason.isBlank()) {
            throw new MembershipRequestRefused(RefusalReason.REASON_REQUIRED,
                    "A rejection needs a reason: the property 'reason' is required.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST,
                    "The property 'reason' is longer than " + MAX_REASON_LENGTH + " characters.");
        }
        MembershipRequest request = lockForDecision(caller, requestId);
        Instant now = Timestamps.stored(clock.instant());
        move(request, RequestStatus.REJECTED, Transition.decided(caller.userId(), now, reason));
        events.rejected(request, caller.userId(), reason, cause(caller, request, correlationId, now));
        return reread(requestId);
    }

    /** The requester withdraws their pending request. */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public MembershipRequest cancel(Caller caller, String requestId, String correlationId) {
        permission.checkSignedInWriter(caller);
        MembershipRequest request = lockVisible(caller, requestId).request();
        permission.checkMayCancel(caller, request);
        requirePending(request);
        Instant now = Timestamps.stored(clock.instant());
        move(request, RequestStatus.CANCELLED, Transition.decided(caller.userId(), now, null));
        events.cancelled(request, cause(caller, request, correlationId, now));
        return reread(requestId);
    }

    /**
     * The request under its row lock, once the caller may decide it now: the first stage by a current owner, the
     * second by a current member of the approver group (group administrators both). A request that reached the second
     * stage is answered by the second stage's rule, also once decided ("no longer pending" to its approvers).
     */
    private MembershipRequest lockForDecision(Caller caller, String requestId) {
        permission.checkSignedInWriter(caller);
        Visible visible = lockVisible(caller, requestId);
        MembershipRequest request = visible.request();
        if (request.secondStageApproverGroupId() != null) {
            permission.checkMayDecideSecondStage(caller, request, participants.secondStageApprovers(request));
        } else {
            permission.checkMayDecide(caller, request, visible.ownerIds());
        }
        restrictions.checkOwnersManageRequests(caller);
        requirePending(request);
        return request;
    }

    /**
     * The request under its row lock, if the caller may see it; with the group's current owners, read once for the
     * visibility and the decision.
     */
    private Visible lockVisible(Caller caller, String requestId) {
        MembershipRequest request = requests.findForUpdate(requestId)
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.REQUEST_NOT_FOUND, requestId));
        Optional<KnownGroup> group = groups.find(request.groupId());
        List<String> ownerIds = group.map(KnownGroup::ownerIds).orElse(List.of());
        if (!visibility.canView(caller, request, participants.of(request, ownerIds))
                || !group.map(found -> restrictions.maySee(caller, found)).orElse(true)) {
            throw MembershipRequestRefused.notFound(RefusalReason.REQUEST_NOT_FOUND, requestId);
        }
        return new Visible(request, ownerIds);
    }

    private record Visible(MembershipRequest request, List<String> ownerIds) {
    }

    private static void requirePending(MembershipRequest request) {
        if (!request.status().isAwaitingDecision()) {
            throw new MembershipRequestRefused(RefusalReason.REQUEST_NOT_PENDING, "The request is no longer pending: "
                    + "it is " + request.status().wireName() + ".");
        }
    }

    private void move(MembershipRequest request, RequestStatus to, Transition change) {
        if (!requests.transition(request.id(), request.status(), to, change)) {
            throw new IllegalStateException("request " + request.id() + " changed under its row lock");
        }
    }

    private RequestEvents.Cause cause(Caller caller, MembershipRequest request, String correlationId, Instant now) {
        String correlation = correlationId != null ? correlationId
                : requests.correlationId(request.id()).orElse(request.id());
        return new RequestEvents.Cause(now, caller.toInitiator(), correlation);
    }

    private MembershipRequest reread(String requestId) {
        return requests.find(requestId).orElseThrow();
    }
}
