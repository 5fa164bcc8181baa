package dev.steward.directory.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a request see its own write although projections run in pooled streaming processors: it waits until a read
 * model row has applied every event its aggregate has in the event store. A write answered 204 is therefore visible
 * to the next GET, on this instance or any other sharing the database.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final EventStore eventStore;
    private final Clock clock;
    private final Duration timeout;

    ReadYourWrites(EventStore eventStore, Clock clock,
                   @Value("${steward.directory.read-your-writes-timeout:5s}") Duration timeout) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Waits until {@code projectedVersion} reaches the sequence number of the aggregate's last event. Returns at once
     * for an unknown id or an aggregate of another type; gives up after
     * {@code steward.directory.read-your-writes-timeout} (the write stands, the read may lag).
     *
     * @param projectedVersion the version the read model shows, -1 when it has no row yet
     */
    public void await(String aggregateId, String aggregateType, LongSupplier projectedVersion) {
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateId);
        if (stored.isEmpty() || !isOfType(aggregateId, stored.get(), aggregateType)) {
            return;
        }
        long version = stored.get();
        Instant deadline = clock.instant().plus(timeout);
        while (projectedVersion.getAsLong() < version) {
            if (clock.instant().isAfter(deadline)) {
                log.warn("{} {} not projected up to version {} within {}", aggregateType, aggregateId, version, timeout);
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Ids of all aggregate types share the event store: a user id asked for as a group is not awaited. */
    private boolean isOfType(String aggregateId, long lastSequenceNumber, String aggregateType) {
        DomainEventStream last = eventStore.readEvents(aggregateId, lastSequenceNumber);
        return last.hasNext() && aggregateType.equals(last.next().getType());
    }
}
