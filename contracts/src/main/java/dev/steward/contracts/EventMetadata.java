package dev.steward.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What every integration event carries besides its data. */
public record EventMetadata(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        String correlationId,
        Initiator initiator,
        int schemaVersion) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more");
        }
    }
}
