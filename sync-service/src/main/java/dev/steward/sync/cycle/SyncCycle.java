package dev.steward.sync.cycle;

import dev.steward.contracts.Initiator;
import java.time.Instant;

/** One run of the sync engine, as stored and served; {@code progress} is null until its runner saved some. */
public record SyncCycle(
        String id,
        PolicyType policyType,
        CycleTrigger trigger,
        CycleStatus status,
        Instant requestedAt,
        Instant startedAt,
        Instant completedAt,
        CycleCounts counts,
        String error,
        Initiator initiator,
        CycleProgress progress) {
}
