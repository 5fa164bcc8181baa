package dev.steward.directory.config;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.RecentlyAppendedEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA event store, except that inside a batch of Kafka commands ({@link BatchedWrites}) appended events are
 * held and inserted together in JDBC batches, and written out before the store reads an aggregate's events (outside
 * a batch nothing changes), and kept as objects for the publisher ({@link RecentlyAppendedEvents}); and that a streaming processor's read for a token with gaps starts at the first gap.
 */
class BatchingJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry ";
    private static final String READ_AFTER = COLUMNS + "WHERE global_index > ? ORDER BY global_index LIMIT ?";
    private static final String READ_WITH_GAPS = COLUMNS + "WHERE global_index >= ? AND (global_index > ? "
            + "OR global_index = ANY (?)) ORDER BY global_index LIMIT ?";

    private final BatchedWrites writes;
    private final RecentlyAppendedEvents recentlyAppended;
    private volatile Boolean onPostgres;

    BatchingJpaEventStorageEngine(Builder builder, BatchedWrites writes, RecentlyAppendedEvents recentlyAppended) {
        super(builder);
        this.writes = writes;
        this.recentlyAppended = recentlyAppended;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!BatchedWrites.inBatch() || events.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        List<DomainEventEntry> entries = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventEntry entry = (DomainEventEntry) createEventEntity(event, serializer);
            entries.add(entry);
            if (event instanceof DomainEventMessage<?> domainEvent) {
                recentlyAppended.remember(domainEvent, entry.getPayload().getData().length
                        + (long) entry.getMetaData().getData().length);
            }
        }
        writes.holdEvents(entries);
    }

    /**
     * A streaming processor's read of the events after its token. Axon asks JPA for {@code globalIndex > token OR
     * globalIndex IN gaps} in index order: PostgreSQL answers that by walking the index from the very first event and
     * filtering, which grows with the store, and every number of gaps is another statement to parse. On PostgreSQL
     * the same rows are read with one JDBC statement per form, bounded below by the first gap and with the gaps as one
     * array parameter; on other databases (the quickstart's H2) the JPA query is bounded the same way.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        Session session = entityManager().unwrap(Session.class);
        if (onPostgres == null) {
            onPostgres = session.doReturningWork(connection -> "PostgreSQL".equals(
                    connection.getMetaData().getDatabaseProductName()));
        }
        if (onPostgres) {
            return session.doReturningWork(connection -> readAfter(connection, token));
        }
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

    /** The rows Axon's query returns, in its column order, read with plain JDBC. */
    private List<Object[]> readAfter(Connection connection, GapAwareTrackingToken token) throws SQLException {
        boolean gaps = token != null && !token.getGaps().isEmpty();
        try (PreparedStatement statement = connection.prepareStatement(gaps ? READ_WITH_GAPS : READ_AFTER)) {
            int parameter = 1;
            if (gaps) {
                statement.setLong(parameter++, token.getGaps().first());
            }
            statement.setLong(parameter++, token == null ? -1L : token.getIndex());
            if (gaps) {
                statement.setArray(parameter++, connection.createArrayOf("bigint", token.getGaps().toArray()));
            }
            statement.setInt(parameter, batchSize());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                            row.getBytes(10)});
                }
            }
            return rows;
        }
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
