package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * An owner approved a request to join a group whose join policy names a second approver group: the request now waits
 * for one member of {@code approverGroupId} (status {@code PendingSecondApproval}); nobody is added yet. The approver
 * group's members are not listed (a group of any size keeps this event small): consumers read them from the directory.
 */
public record MembershipRequestFirstStageApproved(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String decidedById,
        String approverGroupId) implements IntegrationEvent {

    public MembershipRequestFirstStageApproved {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(approverGroupId, "approverGroupId");
    }
}
