package dev.steward.directory.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events the publisher gave up on ({@link PublishFailures}), kept in {@code parked_event} with the reason and counted
 * in the metric {@value #METRIC}, so one bad event never stalls the events behind it. Parking the same event twice (a
 * redelivery) keeps the first row.
 */
@Component
class ParkedEvents {

    static final String METRIC = "steward.directory.events.parked";
    private static final int REASON_MAX = 2000;
    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final JdbcTemplate jdbc;
    private final Counter parked;
    private final Clock clock;

    ParkedEvents(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.parked = Counter.builder(METRIC).description("events the Kafka publisher parked instead of sending")
                .register(meters);
        this.clock = clock;
    }

    /**
     * Stores the event with the reason in the processor's batch transaction; the metric counts it once that commits
     * (a batch that fails after parking parks nothing).
     */
    void park(EventMessage<?> event, String reason) {
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        log.error("parked event {} ({} of {}): {}", event.getIdentifier(), event.getPayloadType().getSimpleName(),
                aggregateId, reason);
        if (count(event.getIdentifier()) == 0) {
            jdbc.update("INSERT INTO parked_event (event_id, event_type, aggregate_id, sequence_no, reason, parked_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", event.getIdentifier(), event.getPayloadType().getName(),
                    aggregateId, sequence, reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason,
                    Timestamp.from(clock.instant()));
            afterCommit(parked::increment);
        }
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM parked_event", Long.class);
        return count == null ? 0 : count;
    }

    /** Runs {@code action} once the processor's batch (its unit of work) commits; at once outside a batch. */
    static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }

    private long count(String eventId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM parked_event WHERE event_id = ?", Long.class, eventId);
        return count == null ? 0 : count;
    }
}
