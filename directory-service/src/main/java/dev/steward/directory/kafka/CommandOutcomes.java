package dev.steward.directory.kafka;

import dev.steward.contracts.command.CommandResult;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String SELECT = "SELECT command_id, command_type, correlation_id, aggregate_id, "
            + "aggregate_version, status, error_code, message, completed_at, result_published FROM command_outcome ";
    private static final String INSERT = "INSERT INTO command_outcome (command_id, command_type, correlation_id, "
            + "aggregate_id, aggregate_version, status, error_code, message, completed_at, result_published) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)";

    private final JdbcTemplate jdbc;

    CommandOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Outcome(CommandResult result, boolean published) {
    }

    Optional<Outcome> find(UUID commandId) {
        return findAll(List.of(commandId)).values().stream().findFirst();
    }

    /** The outcomes recorded for any of {@code commandIds}, by command id. */
    Map<UUID, Outcome> findAll(Collection<UUID> commandIds) {
        Map<UUID, Outcome> found = new HashMap<>();
        if (commandIds.isEmpty()) {
            return found;
        }
        new NamedParameterJdbcTemplate(jdbc).query(SELECT + "WHERE command_id IN (:ids)",
                Map.of("ids", commandIds.stream().map(UUID::toString).toList()), row -> {
                    Outcome outcome = outcome(row);
                    found.put(outcome.result().commandId(), outcome);
                });
        return found;
    }

    private static Outcome outcome(ResultSet row) throws SQLException {
        long version = row.getLong(5);
        return new Outcome(new CommandResult(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3),
                row.getString(4), row.wasNull() ? null : version, CommandResult.Status.valueOf(row.getString(6)),
                row.getString(7), row.getString(8), row.getTimestamp(9).toInstant()), row.getBoolean(10));
    }

    /**
     * Records the outcomes of a batch in one statement, in the caller's transaction. The caller has checked that none
     * was recorded before; a concurrent duplicate fails the statement (and the batch's transaction).
     */
    void recordAll(List<CommandResult> results) {
        jdbc.batchUpdate(INSERT, results.stream().map(CommandOutcomes::row).toList());
    }

    /** Records the outcome; false if this command id was recorded before (a duplicate). */
    boolean record(CommandResult result) {
        try {
            jdbc.update(INSERT, row(result));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Object[] row(CommandResult result) {
        String message = result.message();
        return new Object[] {result.commandId().toString(), result.commandType(), result.correlationId(),
                result.aggregateId(), result.version(), result.status().name(), result.errorCode(),
                message != null && message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX) : message,
                Timestamp.from(result.completedAt())};
    }

    void markAllPublished(Collection<UUID> commandIds) {
        if (!commandIds.isEmpty()) {
            new NamedParameterJdbcTemplate(jdbc).update(
                    "UPDATE command_outcome SET result_published = TRUE WHERE command_id IN (:ids)",
                    Map.of("ids", commandIds.stream().map(UUID::toString).toList()));
        }
    }
}
