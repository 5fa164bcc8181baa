package dev.steward.platform.kafka;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops duplicates of consumed messages: {@link #markProcessed} inserts a row in the same transaction as the
 * message's effect and answers false if the message was processed before. A service that uses it creates the
 * table in its own Flyway script:
 * <pre>
 * CREATE TABLE processed_message (
 *   consumer     VARCHAR(100) NOT NULL,
 *   message_id   VARCHAR(100) NOT NULL,
 *   processed_at TIMESTAMP    NOT NULL,
 *   PRIMARY KEY (consumer, message_id));
 * </pre>
 * The insert is {@code INSERT ... ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in PostgreSQL mode): a duplicate is
 * an insert of no row, never an error. On PostgreSQL an error aborts the whole transaction, so catching a
 * duplicate-key error and going on would commit nothing of what came before it; no database error is swallowed
 * here. Two transactions marking the same message at once: the second waits for the first and inserts nothing if it
 * committed.
 */
public class ProcessedMessages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code consumer} sees {@code messageId}; call inside the effect's transaction. */
    public boolean markProcessed(String consumer, String messageId) {
        int inserted = jdbc.update("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", consumer, messageId, Timestamp.from(clock.instant()));
        return inserted == 1;
    }
}
