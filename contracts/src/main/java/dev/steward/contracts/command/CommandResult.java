package dev.steward.contracts.command;

import dev.steward.contracts.ContractMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one command consumed from a command topic, published on the matching results topic.
 *
 * @param errorCode a stable code (e.g. {@code Request_BadRequest}, {@code Authorization_RequestDenied}) when
 *                  the command was rejected; null when it succeeded
 */
public record CommandResult(
        UUID commandId,
        String commandType,
        String correlationId,
        String aggregateId,
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
        return new CommandResult(ref.commandId(), ref.commandType(), ref.correlationId(), ref.aggregateId(),
                Status.SUCCEEDED, null, null, completedAt);
    }

    public static CommandResult rejected(ContractCommandRef ref, String errorCode, String message, Instant completedAt) {
        return new CommandResult(ref.commandId(), ref.commandType(), ref.correlationId(), ref.aggregateId(),
                Status.REJECTED, errorCode, message, completedAt);
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
