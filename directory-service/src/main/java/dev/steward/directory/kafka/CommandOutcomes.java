package dev.steward.directory.kafka;

import dev.steward.contracts.command.CommandResult;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per consumed command id ({@code command_outcome}): the duplicate check and the stored result. A command
 * whose id is here is never executed again; its result is published again only if the first publish did not
 * complete. A successful command's row is written in the same transaction as its events.
 */
@Component
class CommandOutcomes {

    private static final int MESSAGE_MAX = 2000;

    private final JdbcTemplate jdbc;

    CommandOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Outcome(CommandResult result, boolean published) {
    }

    Optional<Outcome> find(UUID commandId) {
        List<Outcome> rows = jdbc.query("SELECT command_type, correlation_id, aggregate_id, status, error_code, "
                        + "message, completed_at, result_published FROM command_outcome WHERE command_id = ?",
                (rs, n) -> new Outcome(new CommandResult(commandId, rs.getString(1), rs.getString(2),
                        rs.getString(3), CommandResult.Status.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), rs.getBoolean(8)),
                commandId.toString());
        return rows.stream().findFirst();
    }

    /** The outcomes recorded for any of {@code commandIds}, by command id. */
    Map<UUID, Outcome> findAll(Collection<UUID> commandIds) {
        Map<UUID, Outcome> found = new HashMap<>();
        if (commandIds.isEmpty()) {
            return found;
        }
        new NamedParameterJdbcTemplate(jdbc).query("SELECT command_id, command_type, correlation_id, aggregate_id, "
                        + "status, error_code, message, completed_at, result_published FROM command_outcome "
                        + "WHERE command_id IN (:ids)",
                Map.of("ids", commandIds.stream().map(UUID::toString).toList()), rs -> {
                    UUID commandId = UUID.fromString(rs.getString(1));
                    found.put(commandId, new Outcome(new CommandResult(commandId, rs.getString(2), rs.getString(3),
                            rs.getString(4), CommandResult.Status.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant()), rs.getBoolean(9)));
                });
        return found;
    }

    /**
     * Records the outcomes of a batch in one statement, in the caller's transaction. The caller has checked that none
     * was recorded before; a concurrent duplicate fails the statement (and the batch's transaction).
     */
    void recordAll(List<CommandResult> results) {
        jdbc.batchUpdate("INSERT INTO command_outcome (command_id, command_type, correlation_id, aggregate_id, status, "
                        + "error_code, message, completed_at, result_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                results.stream().map(result -> new Object[] {result.commandId().toString(), result.commandType(),
                        result.correlationId(), result.aggregateId(), result.status().name(), result.errorCode(),
                        truncated(result.message()), Timestamp.from(result.completedAt()), false}).toList());
    }

    void markAllPublished(Collection<UUID> commandIds) {
        if (!commandIds.isEmpty()) {
            new NamedParameterJdbcTemplate(jdbc).update(
                    "UPDATE command_outcome SET result_published = TRUE WHERE command_id IN (:ids)",
                    Map.of("ids", commandIds.stream().map(UUID::toString).toList()));
        }
    }

    private static String truncated(String message) {
        return message != null && message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX) : message;
    }

    /** Records the outcome; false if this command id was recorded before (a duplicate). */
    boolean record(CommandResult result) {
        String message = result.message();
        if (message != null && message.length() > MESSAGE_MAX) {
            message = message.substring(0, MESSAGE_MAX);
        }
        try {
            jdbc.update("INSERT INTO command_outcome (command_id, command_type, correlation_id, aggregate_id, status, "
                            + "error_code, message, completed_at, result_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    result.commandId().toString(), result.commandType(), result.correlationId(), result.aggregateId(),
                    result.status().name(), result.errorCode(), message, Timestamp.from(result.completedAt()), false);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void markPublished(UUID commandId) {
        jdbc.update("UPDATE command_outcome SET result_published = ? WHERE command_id = ?", true, commandId.toString());
    }
}
