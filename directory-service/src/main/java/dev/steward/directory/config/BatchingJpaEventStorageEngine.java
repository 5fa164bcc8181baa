package dev.steward.directory.config;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.BatchedWrites.HeldEvent;
import dev.steward.directory.common.RecentlyAppendedEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA event store, except that events are appended with JDBC (their global index from the column's default,
 * so no JPA mapping override and no XML mapping file is needed): inside a batch of Kafka commands
 * ({@link BatchedWrites}) held and inserted together in JDBC batches, written out before the store reads an
 * aggregate's events, and kept as objects for the publisher ({@link RecentlyAppendedEvents}); outside a batch inserted
 * at once. A streaming processor's read for a token with gaps starts at the first gap.
 */
class BatchingJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry ";
    private static final String READ_AFTER = COLUMNS + "WHERE global_index > ? ORDER BY global_index LIMIT ?";
    private static final String READ_WITH_GAPS = COLUMNS + "WHERE global_index >= ? AND (global_index > ? "
            + "OR global_index = ANY (?)) ORDER BY global_index LIMIT ?";

    private static final Instant FOUR_DIGIT_YEARS_FROM = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant FOUR_DIGIT_YEARS_TO = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final BatchedWrites writes;
    private final RecentlyAppendedEvents recentlyAppended;
    private volatile Boolean onPostgres;

    BatchingJpaEventStorageEngine(Builder builder, BatchedWrites writes, RecentlyAppendedEvents recentlyAppended) {
        super(builder);
        this.writes = writes;
        this.recentlyAppended = recentlyAppended;
    }

    /**
     * Writes the events' rows with JDBC, their global index from the column's default: inside a batch held and
     * inserted with the batch's others, outside one at once (after the persistence context is flushed, as Axon's
     * JPA append did). Never through JPA: the entity's own id mapping would ask the sequence for every event first.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        boolean inBatch = BatchedWrites.inBatch();
        List<HeldEvent> held = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = EventUtils.asDomainEventMessage(event);
            SerializedObject<byte[]> payload = domainEvent.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = domainEvent.serializeMetaData(serializer, byte[].class);
            held.add(new HeldEvent(domainEvent.getIdentifier(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), domainEvent.getType(), formatTimestamp(domainEvent.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData()));
            if (inBatch && event instanceof DomainEventMessage<?>) {
                recentlyAppended.remember(domainEvent, payload.getData().length + (long) metaData.getData().length);
            }
        }
        if (inBatch) {
            writes.holdEvents(held);
            return;
        }
        try {
            entityManager().flush();
            writes.insertEvents(held);
        } catch (Exception e) {
            // a duplicate (aggregate, sequence number) becomes Axon's ConcurrencyException, as in the JPA append
            handlePersistenceException(e, events.get(0));
        }
    }

    /**
     * The {@code time_stamp} column as Axon writes it ({@link DateTimeUtils#formatInstant}: UTC, milliseconds, e.g.
     * {@code 2026-11-30T15:00:00.123Z}), without the cost of a {@code DateTimeFormatter} for every event.
     */
    static String formatTimestamp(Instant instant) {
        if (instant.isBefore(FOUR_DIGIT_YEARS_FROM) || instant.isAfter(FOUR_DIGIT_YEARS_TO)) {
            return DateTimeUtils.formatInstant(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        char[] text = new char[24];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, time.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
