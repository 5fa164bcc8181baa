package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/**
 * A group's properties changed: by a sync cycle (AD-mastered, or taken over after rollback) or by a cloud edit.
 *
 * @param bySync true when the sync engine made the change
 */
public record GroupUpdated(EventMetadata metadata, GroupSnapshot group, List<ModifiedProperty> modifiedProperties,
                           boolean bySync) implements IntegrationEvent {

    public GroupUpdated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(group, "group");
        modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
    }
}
