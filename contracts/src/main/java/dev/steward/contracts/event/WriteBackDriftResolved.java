package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * An administrator resolved a group's write-back drift (the initiator is in the metadata): the cloud wins, and the next
 * run writes the cloud's members and values over AD's.
 */
public record WriteBackDriftResolved(
        EventMetadata metadata,
        String groupId,
        String displayName,
        String resolvedBy) implements IntegrationEvent {

    public WriteBackDriftResolved {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
    }
}
