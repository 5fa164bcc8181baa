package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** The directory added the requester to the group ({@code directoryCommandId} succeeded): the request is done. */
public record MembershipRequestCompleted(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String directoryCommandId) implements IntegrationEvent {

    public MembershipRequestCompleted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
