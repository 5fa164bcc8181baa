package dev.steward.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every command carries besides its data. The caller's identity is not here: it travels as a bearer
 * token in the {@link CloudEventHeaders#AUTHORIZATION} header and is validated by the consumer.
 */
public record CommandMetadata(UUID commandId, Instant issuedAt, String correlationId) {

    public CommandMetadata {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public static CommandMetadata of(UUID commandId, Instant issuedAt, String correlationId) {
        return new CommandMetadata(commandId, issuedAt, correlationId);
    }
}
