package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * A group's Source of Authority moved to the cloud ({@code isCloudManaged = true}) or was rolled back
 * ({@code false}). After either, {@code onPremisesSyncEnabled} is null until a sync cycle takes a rolled-back
 * group over again. Sync engines block the group's AD changes at once on {@code true}.
 */
public record SourceOfAuthorityChanged(
        EventMetadata metadata,
        String groupId,
        String displayName,
        String onPremisesAnchor,
        boolean isCloudManaged,
        Boolean onPremisesSyncEnabled) implements IntegrationEvent {

    public SourceOfAuthorityChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
    }
}
