package dev.steward.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every integration event carries besides its data.
 *
 * @param aggregateVersion for an event of an event-sourced aggregate (the directory's groups and users): its sequence
 *                         number in the aggregate's stream (0 for the first), the number a {@code CommandResult}'s
 *                         {@code version} names; null for other events
 */
public record EventMetadata(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        String correlationId,
        Initiator initiator,
        int schemaVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long aggregateVersion) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** The metadata of an event that is not a versioned aggregate's. */
    public EventMetadata(UUID eventId, Instant occurredAt, String aggregateId, String correlationId,
                         Initiator initiator, int schemaVersion) {
        this(eventId, occurredAt, aggregateId, correlationId, initiator, schemaVersion, null);
    }

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more");
        }
    }
}
