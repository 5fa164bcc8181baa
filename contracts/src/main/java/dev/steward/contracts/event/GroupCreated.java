package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** A group appeared in the directory, synced from AD or created in the cloud. */
public record GroupCreated(EventMetadata metadata, GroupSnapshot group) implements IntegrationEvent {

    public GroupCreated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(group, "group");
    }
}
