package dev.steward.selfservice.membership;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.platform.outbox.Outbox;
import dev.steward.selfservice.config.IdGenerator;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events of a request's transitions, queued on {@code steward.selfservice.events} through the outbox in the
 * transaction of the transition. Each is keyed by the request id and carries who caused it (the initiator) and the
 * correlation id of the call, what the audit log needs.
 */
@Component
public class RequestEvents {

    private final Outbox outbox;
    private final IdGenerator ids;

    public RequestEvents(Outbox outbox, IdGenerator ids) {
        this.outbox = outbox;
        this.ids = ids;
    }

    public void requested(MembershipRequest r, Cause cause) {
        append(new MembershipRequested(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), r.approverIds(), r.justification()));
    }

    public void routed(MembershipRequest r, List<String> approvers, List<String> added, List<String> removed,
                       Cause cause) {
        append(new MembershipRequestRouted(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), approvers, added, removed));
    }

    public void approved(MembershipRequest r, String decidedById, boolean automatic, Cause cause) {
        append(new MembershipRequestApproved(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), decidedById, automatic));
    }

    public void firstStageApproved(MembershipRequest r, String decidedById, String approverGroupId, Cause cause) {
        append(new MembershipRequestFirstStageApproved(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), decidedById, approverGroupId));
    }

    public void closed(MembershipRequest r, String reason, Cause cause) {
        append(new MembershipRequestClosed(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), r.status().wireName(), reason));
    }

    public void rejected(MembershipRequest r, String decidedById, String reason, Cause cause) {
        append(new MembershipRequestRejected(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), decidedById, reason));
    }

    public void cancelled(MembershipRequest r, Cause cause) {
        append(new MembershipRequestCancelled(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName()));
    }

    public void expired(MembershipRequest r, Instant expiresAt, Cause cause) {
        append(new MembershipRequestExpired(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), r.approverIds(), expiresAt));
    }

    public void reminded(MembershipRequest r, Instant expiresAt, Cause cause) {
        append(new MembershipRequestReminded(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.approverIds(), expiresAt));
    }

    public void completed(MembershipRequest r, String commandId, Cause cause) {
        append(new MembershipRequestCompleted(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), commandId));
    }

    public void addRefused(MembershipRequest r, String commandId, String errorCode, String message, Cause cause) {
        append(new MembershipRequestAddRefused(metadata(r, cause), r.id(), r.groupId(), r.groupDisplayName(),
                r.requesterId(), r.requesterUserPrincipalName(), commandId, errorCode, message));
    }

    private EventMetadata metadata(MembershipRequest r, Cause cause) {
        return new EventMetadata(ids.newId(), cause.at(), r.id(), cause.correlationId(), cause.initiator(),
                EventMetadata.CURRENT_SCHEMA_VERSION);
    }

    private void append(IntegrationEvent event) {
        outbox.append(Topics.SELFSERVICE_EVENTS, event);
    }

    /** When a transition happened, who caused it, and the correlation id of the call or message behind it. */
    public record Cause(Instant at, Initiator initiator, String correlationId) {
    }
}
