package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/** The owners of a pending request's group changed: the request now waits for {@code approverIds}. */
public record MembershipRequestRouted(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        List<String> approverIds,
        List<String> addedApproverIds,
        List<String> removedApproverIds) implements IntegrationEvent {

    public MembershipRequestRouted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        approverIds = approverIds == null ? List.of() : List.copyOf(approverIds);
        addedApproverIds = addedApproverIds == null ? List.of() : List.copyOf(addedApproverIds);
        removedApproverIds = removedApproverIds == null ? List.of() : List.copyOf(removedApproverIds);
    }
}
