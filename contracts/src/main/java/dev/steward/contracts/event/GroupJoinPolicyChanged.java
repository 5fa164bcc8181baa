package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * How users join a group in My Groups changed: {@code Open} (anyone joins at once), {@code OwnerApproval} (a request
 * waits for an owner) or {@code Closed} (only owners add members). {@code previousJoinPolicy} is null for the first
 * policy a group gets.
 */
public record GroupJoinPolicyChanged(
        EventMetadata metadata,
        String groupId,
        String groupDisplayName,
        String joinPolicy,
        String previousJoinPolicy) implements IntegrationEvent {

    public GroupJoinPolicyChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(joinPolicy, "joinPolicy");
    }
}
