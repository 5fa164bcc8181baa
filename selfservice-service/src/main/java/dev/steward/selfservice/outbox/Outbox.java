package dev.steward.selfservice.outbox;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MessageTypes;
import dev.steward.selfservice.directory.Timestamps;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a message to publish is written in the same database transaction as the change that
 * caused it, so it exists if and only if the change was committed. {@link OutboxRelay} publishes it.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Outbox(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Queues {@code message} for {@code topic}; must run inside the transaction of the change it reports. */
    public void append(String topic, ContractMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox messages are written in the transaction of their change");
        }
        jdbc.update("INSERT INTO outbox_message (topic, message_key, message_type, payload, created_at, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, 0)",
                topic, message.key(), MessageTypes.nameOf(message.getClass()), ContractJson.writeString(message),
                Timestamps.toColumn(clock.instant()));
        events.publishEvent(new OutboxAppended(topic));
    }

    /** Published to the application after a message was queued; the relay reacts once the transaction commits. */
    public record OutboxAppended(String topic) {
    }
}
