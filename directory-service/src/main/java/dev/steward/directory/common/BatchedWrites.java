package dev.steward.directory.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a command's rows reach the database. Outside a batch, at once: a command's projections write in its
 * transaction and the command side's SQL checks read those tables through JDBC, which does not see what Hibernate
 * still holds. While a batch of Kafka commands runs in one transaction ({@link #batch}), the event rows and the JPA
 * read models' rows are held and written together in JDBC batches: the read models before any SQL read of the
 * command side ({@link #beforeRead()}), the events before any read of the event store
 * ({@link #beforeEventRead()}), and both every {@value #FLUSH_EVERY} commands and at the end of the batch. One
 * round trip for many rows instead of one or two per command.
 */
@Component
public class BatchedWrites {

    static final int FLUSH_EVERY = 200;

    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (event_identifier, "
            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
            + "meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Per thread: the batch in progress, if any. */
    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    private static final class Batch {
        final List<DomainEventData<byte[]>> events = new ArrayList<>();
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

    /** Holds serialized events of a batch (the event store calls this only {@link #inBatch()}). */
    public void holdEvents(List<? extends DomainEventData<byte[]>> events) {
        BATCH.get().events.addAll(events);
    }

    /** A projection wrote a row. */
    public void written() {
        if (!inBatch()) {
            entityManager.flush();
        }
    }

    /** The command side is about to read the read models with SQL. */
    public void beforeRead() {
        if (inBatch()) {
            entityManager.flush();
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
        flushEvents(BATCH.get());
        entityManager.flush();
    }

    private void flushEvents(Batch batch) {
        if (batch.events.isEmpty()) {
            return;
        }
        List<DomainEventData<byte[]>> events = List.copyOf(batch.events);
        batch.events.clear();
        // the global index comes from the column's default, in this order
        jdbc.batchUpdate(INSERT_EVENT, events, events.size(), (statement, event) -> {
            statement.setString(1, event.getEventIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, DateTimeUtils.formatInstant(event.getTimestamp()));
            statement.setString(6, event.getPayload().getType().getName());
            statement.setString(7, event.getPayload().getType().getRevision());
            statement.setBytes(8, event.getPayload().getData());
            statement.setBytes(9, event.getMetaData().getData());
        });
    }
}
