package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * The second approval stage of a group's join policy changed: after an owner approves, a member of
 * {@code approverGroupId} must approve too. {@code approverGroupId} null: no second stage any more;
 * {@code previousApproverGroupId} null: there was none.
 */
public record GroupSecondStageApproverChanged(
        EventMetadata metadata,
        String groupId,
        String groupDisplayName,
        String approverGroupId,
        String previousApproverGroupId) implements IntegrationEvent {

    public GroupSecondStageApproverChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
    }
}
