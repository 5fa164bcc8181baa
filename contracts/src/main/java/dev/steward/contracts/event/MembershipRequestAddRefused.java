package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** The directory refused to add the requester of an approved request; {@code errorCode} and {@code message} are the directory's. */
public record MembershipRequestAddRefused(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String directoryCommandId,
        String errorCode,
        String message) implements IntegrationEvent {

    public MembershipRequestAddRefused {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
