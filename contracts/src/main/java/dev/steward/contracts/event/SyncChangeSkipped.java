package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * The sync engine did not apply an AD change to the cloud because the object's Source of Authority is in the
 * cloud. {@code eventCode} is 6956, Connect Sync's event id for that skip.
 */
public record SyncChangeSkipped(
        EventMetadata metadata,
        String cycleId,
        String objectId,
        String onPremisesAnchor,
        String objectType,
        String displayName,
        String distinguishedName,
        int eventCode,
        String reason) implements IntegrationEvent {

    public static final int SOURCE_OF_AUTHORITY_IN_CLOUD = 6956;

    public SyncChangeSkipped {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(objectId, "objectId");
    }
}
