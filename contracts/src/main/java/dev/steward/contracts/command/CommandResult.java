package dev.steward.contracts.command;

import dev.steward.contracts.ContractMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one command consumed from a command topic, published on the matching results topic.
 *
 * @param version   the version of the command's aggregate after the command succeeded: the sequence number of the
 *                  aggregate's last event (0 after its first), the same number a second command that changed nothing
 *                  answers; null when the command was rejected or answers for no versioned aggregate
 * @param errorCode a stable code (e.g. {@code Request_BadRequest}, {@code Authorization_RequestDenied}) when
 *                  the command was rejected; null when it succeeded
 */
public record CommandResult(
        UUID commandId,
        String commandType,
        String correlationId,
        String aggregateId,
        Long version,
        Status status,
        String errorCode,
        String message,
        Instant completedAt) implements ContractMessage {

    public enum Status { SUCCEEDED, REJECTED }

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    public static CommandResult succeeded(ContractCommandRef ref, Instant completedAt) {
        return succeeded(ref, null, completedAt);
    }

    /** @param version the aggregate's version after the command; null if it has none */
    public static CommandResult succeeded(ContractCommandRef ref, Long version, Instant completedAt) {
        return new CommandResult(ref.commandId(), ref.commandType(), ref.correlationId(), ref.aggregateId(),
                version, Status.SUCCEEDED, null, null, completedAt);
    }

    public static CommandResult rejected(ContractCommandRef ref, String errorCode, String message, Instant completedAt) {
        return new CommandResult(ref.commandId(), ref.commandType(), ref.correlationId(), ref.aggregateId(),
                null, Status.REJECTED, errorCode, message, completedAt);
    }

    @Override
    public String messageId() {
        return commandId.toString();
    }

    @Override
    public String key() {
        return aggregateId == null ? commandId.toString() : aggregateId;
    }

    /** What a result needs to know about the command it answers. */
    public record ContractCommandRef(UUID commandId, String commandType, String correlationId, String aggregateId) {
    }
}
