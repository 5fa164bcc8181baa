package dev.steward.platform.outbox;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MessageTypes;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a contract message to publish is written to the service's {@code outbox_message} table in
 * the same database transaction as the change it reports, so it exists if and only if the change was committed.
 * {@link OutboxRelay} publishes it. The message's id is its identity in the outbox too: appending a message whose id
 * is already there (the same fact recorded again, e.g. by a retried transaction) stores nothing.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Outbox(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Queues {@code message} for {@code topic}; must run inside the transaction of the change it reports. Answers
     * false if a message with the same id was queued before.
     */
    public boolean append(String topic, ContractMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox messages are written in the transaction of their change");
        }
        int inserted = jdbc.update("INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, "
                        + "created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
                message.messageId(), topic, message.key(), MessageTypes.nameOf(message.getClass()),
                ContractJson.writeString(message), Timestamp.from(clock.instant()));
        if (inserted == 1) {
            events.publishEvent(new OutboxAppended(topic));
        }
        return inserted == 1;
    }

    /** Published to the application after a message was queued; the relay drains once the transaction commits. */
    public record OutboxAppended(String topic) {
    }
}
