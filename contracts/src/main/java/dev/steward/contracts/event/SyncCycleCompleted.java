package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/** A sync cycle finished. {@code status} is {@code Succeeded} or {@code Failed} (then {@code error} says why). */
public record SyncCycleCompleted(
        EventMetadata metadata,
        String cycleId,
        String policyType,
        String status,
        Instant startedAt,
        Instant completedAt,
        int objectsAdded,
        int objectsUpdated,
        int objectsUnchanged,
        int objectsSkipped,
        int objectsFailed,
        String error) implements IntegrationEvent {

    public SyncCycleCompleted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(cycleId, "cycleId");
    }
}
