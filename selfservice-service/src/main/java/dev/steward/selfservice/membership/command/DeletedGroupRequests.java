package dev.steward.selfservice.membership.command;

import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.selfservice.directory.GroupRemoved;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.MembershipRequests.Transition;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted group can no longer be joined: each of its requests waiting for a decision (either stage) is
 * {@code Closed} with the reason {@value #REASON}, and a {@code MembershipRequestClosed} event (reason
 * {@code GroupDeleted}) tells the requester, in the read model's transaction. An approved request waiting for the
 * directory is left alone: the directory answers its add, refused for the deleted group ({@code AddRefused}).
 */
@Component
public class DeletedGroupRequests {

    static final String REASON = "The group was deleted.";

    private final MembershipRequests requests;
    private final RequestEvents events;
    private final Clock clock;

    public DeletedGroupRequests(MembershipRequests requests, RequestEvents events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void groupRemoved(GroupRemoved removed) {
        Instant now = Timestamps.stored(clock.instant());
        for (String requestId : requests.awaitingDecisionIdsOfGroup(removed.groupId())) {
            MembershipRequest request = requests.findForUpdate(requestId).orElse(null);
            if (request == null || !request.status().isAwaitingDecision()) {
                continue;
            }
            requests.transition(requestId, request.status(), RequestStatus.CLOSED,
                    new Transition(null, now, REASON, now, null, null));
            String correlationId = removed.correlationId() != null ? removed.correlationId()
                    : requests.correlationId(requestId).orElse(requestId);
            events.closed(request, MembershipRequestClosed.GROUP_DELETED,
                    new RequestEvents.Cause(now, removed.initiator(), correlationId));
        }
    }
}
