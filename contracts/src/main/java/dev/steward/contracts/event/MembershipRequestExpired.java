package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Nobody decided a pending request before {@code expiresAt}: it is closed. */
public record MembershipRequestExpired(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        List<String> approverIds,
        Instant expiresAt) implements IntegrationEvent {

    public MembershipRequestExpired {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        approverIds = approverIds == null ? List.of() : List.copyOf(approverIds);
    }
}
