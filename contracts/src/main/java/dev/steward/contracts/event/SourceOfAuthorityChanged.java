package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.util.Objects;

/**
 * A group's Source of Authority moved to the cloud ({@code isCloudManaged = true}) or was rolled back
 * ({@code false}). After either, {@code onPremisesSyncEnabled} is null until a sync cycle takes a rolled-back
 * group over again. Sync engines block the group's AD changes at once on {@code true}.
 *
 * @param removedOnPremisesExtensionAttributes the extension attributes the group had when its SOA moved to the
 *                                             cloud, which removed them (cloud groups do not support them); null on
 *                                             a rollback and from producers that predate them
 */
public record SourceOfAuthorityChanged(
        EventMetadata metadata,
        String groupId,
        String displayName,
        String onPremisesAnchor,
        boolean isCloudManaged,
        Boolean onPremisesSyncEnabled,
        OnPremisesExtensionAttributes removedOnPremisesExtensionAttributes) implements IntegrationEvent {

    public SourceOfAuthorityChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
    }
}
