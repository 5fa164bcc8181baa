package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.MembershipRequests.Transition;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import dev.steward.selfservice.membership.query.RequestVisibilityPolicy;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approves, rejects and cancels requests: the one path for HTTP and Kafka. The request's row is locked for the
 * decision, so two owners deciding at the same moment are serialised and the second finds the request decided:
 * exactly one outcome. An approval queues the directory's {@code AddMembers} in the same transaction; the request
 * completes when the directory confirms.
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
    private final Clock clock;

    public MembershipDecisionService(DecisionPermission permission, RequestVisibilityPolicy visibility,
                                     MembershipRequests requests, GroupDirectory groups, RequestEvents events,
                                     DirectoryCommands directoryCommands, TenantRestrictions restrictions,
                                     Clock clock) {
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
        Locked locked = lockForDecision(caller, requestId);
        MembershipRequest request = locked.request();
        Instant now = Timestamps.stored(clock.instant());
        move(request, RequestStatus.APPROVED, Transition.decided(caller.userId(), now, null));
        RequestEvents.Cause cause = cause(caller, request, correlationId, now);
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
        Locked locked = lockForDecision(caller, requestId);
        MembershipRequest request = locked.request();
        Instant now = Timestamps.stored(clock.instant());
        move(request, RequestStatus.REJECTED, Transition.decided(caller.userId(), now, reason));
        events.rejected(request, caller.userId(), reason, cause(caller, request, correlationId, now));
        return reread(requestId);
    }

    /** The requester withdraws their pending request. */
    @Transactional(noRollbackFor = {MembershipRequestRefused.class, AccessDeniedException.class})
    public MembershipRequest cancel(Caller caller, String requestId, String correlationId) {
        permission.checkSignedInWriter(caller);
        MembershipRequest request = lockVisible(caller, requestId);
        permission.checkMayCancel(caller, request);
        requirePending(request);
        Instant now = Timestamps.stored(clock.instant());
        move(request, RequestStatus.CANCELLED, Transition.decided(caller.userId(), now, null));
        events.cancelled(request, cause(caller, request, correlationId, now));
        return reread(requestId);
    }

    private Locked lockForDecision(Caller caller, String requestId) {
        permission.checkSignedInWriter(caller);
        MembershipRequest request = lockVisible(caller, requestId);
        List<String> owners = groups.ownerIds(request.groupId());
        permission.checkMayDecide(caller, request, owners);
        restrictions.checkOwnersManageRequests(caller);
        requirePending(request);
        return new Locked(request);
    }

    private MembershipRequest lockVisible(Caller caller, String requestId) {
        return requests.findForUpdate(requestId)
                .filter(request -> visibility.canView(caller, request, groups.ownerIds(request.groupId())))
                .filter(request -> groups.find(request.groupId())
                        .map(group -> restrictions.maySee(caller, group)).orElse(true))
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.REQUEST_NOT_FOUND, requestId));
    }

    private static void requirePending(MembershipRequest request) {
        if (request.status() != RequestStatus.PENDING) {
            throw new MembershipRequestRefused(RefusalReason.REQUEST_NOT_PENDING, "The request is no longer pending: "
                    + "it is " + request.status().wireName() + ".");
        }
    }

    private void move(MembershipRequest request, RequestStatus to, Transition change) {
        if (!requests.transition(request.id(), RequestStatus.PENDING, to, change)) {
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

    private record Locked(MembershipRequest request) {
    }
}
