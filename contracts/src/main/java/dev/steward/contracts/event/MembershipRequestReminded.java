package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A pending request is about to expire: {@code approverIds} are reminded to decide before {@code expiresAt}. */
public record MembershipRequestReminded(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        List<String> approverIds,
        Instant expiresAt) implements IntegrationEvent {

    public MembershipRequestReminded {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        approverIds = approverIds == null ? List.of() : List.copyOf(approverIds);
    }
}
