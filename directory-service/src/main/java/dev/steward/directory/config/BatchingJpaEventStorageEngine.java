package dev.steward.directory.config;

import dev.steward.directory.common.BatchedWrites;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA event store, except that inside a batch of Kafka commands ({@link BatchedWrites}) appended events are
 * held and inserted together in JDBC batches, and written out before the store reads an aggregate's events. Outside a
 * batch nothing changes.
 */
class BatchingJpaEventStorageEngine extends JpaEventStorageEngine {

    private final BatchedWrites writes;

    BatchingJpaEventStorageEngine(Builder builder, BatchedWrites writes) {
        super(builder);
        this.writes = writes;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!BatchedWrites.inBatch() || events.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        writes.holdEvents(events.stream().map(event -> (DomainEventEntry) createEventEntity(event, serializer))
                .toList());
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber, int batchSize) {
        writes.beforeEventRead();
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        writes.beforeEventRead();
        return super.readSnapshotData(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        writes.beforeEventRead();
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }
}
