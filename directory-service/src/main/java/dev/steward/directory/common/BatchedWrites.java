package dev.steward.directory.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a command's rows reach the database. Outside a batch, at once: a command's projections write in its
 * transaction and the command side's SQL checks read those tables through JDBC, which does not see what Hibernate
 * still holds. While a batch of Kafka commands runs in one transaction ({@link #batch}), the event rows, the rows
 * the projections insert ({@link #insert}) and the JPA read models' changes are held and written together in JDBC
 * batches: the read models before any SQL read of the command side ({@link #beforeRead()}) and the inserted rows
 * before a projection looks up or changes rows of their tables ({@link #writeHeldRows()}), the events before any read of the event store
 * ({@link #beforeEventRead()}), and all of them every {@value #FLUSH_EVERY} commands and at the end of the batch.
 * One round trip for many rows instead of one or two per command.
 */
@Component
public class BatchedWrites {

    static final int FLUSH_EVERY = 200;

    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (event_identifier, "
            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
            + "meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Per thread: the batch in progress, if any. */
    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();
    private static final ThreadLocal<Calendar> UTC = ThreadLocal.withInitial(
            () -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    /** An appended event as its {@code domain_event_entry} row, serialized once and never parsed back. */
    public record HeldEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                            String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                            byte[] metaData) {
    }

    /** Binds one row's values to an insert statement. */
    @FunctionalInterface
    public interface Row {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static final class Batch {
        final List<HeldEvent> events = new ArrayList<>();
        /** Rows to insert by statement, in the order the statements were first used (no table is written twice). */
        final Map<String, List<Row>> rows = new LinkedHashMap<>();
        final Map<Object, Object> values = new HashMap<>();
        int commands;
    }

    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean inBatch() {
        return BATCH.get() != null;
    }

    /**
     * Runs {@code work} (a batch of commands inside one transaction) with rows held until a read needs them or
     * {@link #commandDone()} says enough commands ran; writes what is left at the end.
     */
    public <T> T batch(Supplier<T> work) {
        if (inBatch()) {
            return work.get();
        }
        BATCH.set(new Batch());
        try {
            T result = work.get();
            flushAll();
            return result;
        } finally {
            BATCH.remove();
        }
    }

    /**
     * A value that lives as long as the batch in progress, created on first use; null outside a batch. For what the
     * command side learnt during the batch and may reuse until it ends.
     */
    @SuppressWarnings("unchecked")
    public <V> V batchScoped(Object key, Supplier<V> create) {
        Batch batch = BATCH.get();
        return batch == null ? null : (V) batch.values.computeIfAbsent(key, unused -> create.get());
    }

    /** Inserts events at once (the event store calls this outside a batch), in this order. */
    public void insertEvents(List<HeldEvent> events) {
        if (events.size() == 1) {
            HeldEvent event = events.get(0);
            jdbc.update(INSERT_EVENT, statement -> bindEvent(statement, event));
        } else {
            jdbc.batchUpdate(INSERT_EVENT, events, events.size(), BatchedWrites::bindEvent);
        }
    }

    /** Holds serialized events of a batch (the event store calls this only {@link #inBatch()}). */
    public void holdEvents(List<HeldEvent> events) {
        BATCH.get().events.addAll(events);
    }

    /**
     * A projection inserts a new row with {@code sql}, an {@code INSERT} into a table no other held statement
     * writes: at once outside a batch, else with the batch's other rows of that statement. Whoever else changes or
     * reads that table within a batch calls {@link #writeHeldRows()} or {@link #beforeRead()} first.
     */
    public void insert(String sql, Row row) {
        Batch batch = BATCH.get();
        if (batch == null) {
            jdbc.update(sql, row::bind);
        } else {
            batch.rows.computeIfAbsent(sql, unused -> new ArrayList<>()).add(row);
        }
    }

    /** A projection wrote a row through JPA. */
    public void written() {
        if (!inBatch()) {
            entityManager.flush();
        }
    }

    /** The command side is about to read the read models with SQL. */
    public void beforeRead() {
        Batch batch = BATCH.get();
        if (batch != null) {
            flushRows(batch);
            entityManager.flush();
        }
    }

    /** A projection is about to look up or change rows of a table that {@link #insert} may hold rows of. */
    public void writeHeldRows() {
        Batch batch = BATCH.get();
        if (batch != null) {
            flushRows(batch);
        }
    }

    /** The event store is about to read an aggregate's events. */
    public void beforeEventRead() {
        if (inBatch()) {
            flushEvents(BATCH.get());
        }
    }

    /**
     * One command of a batch finished: every {@value #FLUSH_EVERY} commands the held rows are written and the
     * persistence context is emptied, so it does not grow with the batch (every flush checks every entity it holds).
     */
    public void commandDone() {
        Batch batch = BATCH.get();
        if (++batch.commands % FLUSH_EVERY == 0) {
            flushAll();
            entityManager.clear();
        }
    }

    private void flushAll() {
        Batch batch = BATCH.get();
        flushEvents(batch);
        flushRows(batch);
        entityManager.flush();
    }

    private void flushEvents(Batch batch) {
        if (batch.events.isEmpty()) {
            return;
        }
        List<HeldEvent> events = List.copyOf(batch.events);
        batch.events.clear();
        // the global index comes from the column's default, in this order
        jdbc.batchUpdate(INSERT_EVENT, events, events.size(), BatchedWrites::bindEvent);
    }

    private static void bindEvent(PreparedStatement statement, HeldEvent event) throws SQLException {
        statement.setString(1, event.eventIdentifier());
        statement.setString(2, event.aggregateIdentifier());
        statement.setLong(3, event.sequenceNumber());
        statement.setString(4, event.type());
        statement.setString(5, event.timeStamp());
        statement.setString(6, event.payloadType());
        statement.setString(7, event.payloadRevision());
        statement.setBytes(8, event.payload());
        statement.setBytes(9, event.metaData());
    }

    private void flushRows(Batch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        List<Map.Entry<String, List<Row>>> statements = List.copyOf(batch.rows.entrySet());
        batch.rows.clear();
        for (Map.Entry<String, List<Row>> statement : statements) {
            List<Row> rows = statement.getValue();
            jdbc.batchUpdate(statement.getKey(), rows, rows.size(), (prepared, row) -> row.bind(prepared));
        }
    }

    /** An instant as JPA writes it here ({@code hibernate.jdbc.time_zone: UTC}), or SQL NULL. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value), UTC.get());
        }
    }

    /** A nullable boolean column. */
    public static void setBoolean(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }
}
