package dev.steward.directory.config;

import dev.steward.directory.common.BatchedWrites;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA event store, except that inside a batch of Kafka commands ({@link BatchedWrites}) appended events are
 * held and inserted together in JDBC batches, and written out before the store reads an aggregate's events (outside
 * a batch nothing changes); and that a streaming processor's read for a token with gaps starts at the first gap.
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

    /**
     * Axon asks for {@code globalIndex > token OR globalIndex IN gaps} in index order: PostgreSQL answers that by
     * walking the index from the very first event and filtering, which grows with the store (tens of milliseconds a
     * read at a few hundred thousand events, for every batch the publisher reads while writers commit out of order).
     * The same rows, bounded below by the first gap, are an index range scan.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        return entityManager().createQuery(
                        "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier, "
                                + "e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData "
                                + "FROM " + domainEventEntryEntityName() + " e WHERE e.globalIndex >= :firstGap "
                                + "AND (e.globalIndex > :token OR e.globalIndex IN :gaps) ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("firstGap", token.getGaps().first())
                .setParameter("token", token.getIndex())
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList();
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
