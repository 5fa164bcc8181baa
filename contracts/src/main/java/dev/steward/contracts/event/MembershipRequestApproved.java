package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** An owner (or a group administrator) approved a pending request; {@code automatic} when the group is open and nobody had to decide. The directory is asked to add the member next. */
public record MembershipRequestApproved(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String decidedById,
        boolean automatic) implements IntegrationEvent {

    public MembershipRequestApproved {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
