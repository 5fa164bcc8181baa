package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/** A user asked to join a group; the request waits for any one of {@code approverIds} (the group's owners). */
public record MembershipRequested(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        List<String> approverIds,
        String justification) implements IntegrationEvent {

    public MembershipRequested {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        approverIds = approverIds == null ? List.of() : List.copyOf(approverIds);
    }
}
