package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** An owner (or a group administrator) rejected a pending request, saying why in {@code reason}. */
public record MembershipRequestRejected(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String decidedById,
        String reason) implements IntegrationEvent {

    public MembershipRequestRejected {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
