package dev.steward.platform.outbox;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.platform.BackgroundExecutors;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.lease.Leadership;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes the outbox in order, at least once. One thread drains: it reads the oldest pending rows in batches, sends
 * a whole batch without waiting, then waits for the acknowledgements in order and marks sent the rows up to the first
 * one the broker did not take. That row and every row after it stay pending and are sent again by the next drain, so
 * a broker outage loses nothing and never lets a later message overtake an earlier one (a row after the failed one
 * that did reach the broker is published again; consumers drop the copy by its id). A row that can never be sent
 * (too large, not serialisable) is parked ({@code refused_at}, with the reason) instead of stalling the rest.
 * <p>
 * It drains right after a transaction that queued messages commits and every {@code poll-interval}, which picks up
 * what a failed publish or a restart left behind; sent rows are deleted once older than {@code retention}.
 * <p>
 * Several instances of a service share one outbox: only the relay that holds the database lease {@value #LEASE}
 * ({@link Leadership}) publishes. It takes or extends the lease before every batch and stops draining when it cannot
 * (another instance took it after this one paused longer than {@code lease-duration}); the others try at every poll
 * and one takes over within {@code lease-duration} of the holder dying, or at once when it stops cleanly.
 */
public class OutboxRelay implements SmartLifecycle {

    /** The name of the relay's lease in {@code steward_lease}. */
    public static final String LEASE = "outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final ContractPublisher publisher;
    private final Clock clock;
    private final OutboxSettings settings;
    private final Leadership leadership;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService drainer;

    private volatile boolean leading;

    /** {@code leadership}: this instance's claim on the lease {@value #LEASE}, of {@code lease-duration}. */
    public OutboxRelay(JdbcTemplate jdbc, ContractPublisher publisher, Clock clock, OutboxSettings settings,
                       Leadership leadership) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.leadership = leadership;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAppended(Outbox.OutboxAppended appended) {
        wake();
    }

    /** Asks the relay thread to drain the outbox; several wake-ups before it runs make one drain. */
    public void wake() {
        ScheduledExecutorService executor = drainer;
        if (executor == null || executor.isShutdown() || !drainQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drainQuietly);
        } catch (RuntimeException e) {
            drainQueued.set(false);
        }
    }

    private void drainQuietly() {
        drainQueued.set(false);
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("outbox drain failed; retrying in {}: {}", settings.pollInterval(), e.getMessage());
        }
    }

    /**
     * Publishes pending messages, oldest first, until none is left, the broker fails to take one (the rest wait for
     * the next drain) or this instance does not hold the relay's lease (another instance publishes). Answers how many
     * were published.
     */
    public synchronized int drain() {
        int published = 0;
        while (true) {
            if (!lead()) {
                return published;
            }
            List<Row> rows = jdbc.query("SELECT id, topic, message_type, payload FROM outbox_message "
                            + "WHERE sent_at IS NULL AND refused_at IS NULL ORDER BY id LIMIT ?",
                    (rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_type"),
                            rs.getString("payload")), settings.batchSize());
            if (rows.isEmpty()) {
                return published;
            }
            List<InFlight> sent = new ArrayList<>(rows.size());
            boolean stoppedEarly = false;
            for (Row row : rows) {
                ContractMessage message;
                try {
                    message = ContractJson.read(row.type(), row.payload().getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    // written by a version that knew a type or shape this one does not: park it, do not stall
                    park(row, e);
                    continue;
                }
                ContractPublisher.Sent one = publisher.sendAsync(row.topic(), message);
                sent.add(new InFlight(row, one));
                if (one.acknowledgement().isCompletedExceptionally()) {
                    stoppedEarly = true;
                    break; // the producer refused at once: sending what follows would let it overtake this row
                }
            }
            List<Long> acknowledged = new ArrayList<>(rows.size());
            RuntimeException failure = null;
            Row failed = null;
            for (InFlight inFlight : sent) {
                Row row = inFlight.row();
                try {
                    ContractPublisher.await(inFlight.sent());
                    acknowledged.add(row.id());
                } catch (ContractPublisher.PublishRefusedException e) {
                    park(row, e);
                } catch (RuntimeException e) {
                    failure = e;
                    failed = row;
                    break;
                }
            }
            markSent(acknowledged);
            published += acknowledged.size();
            if (failure != null) {
                jdbc.update("UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                        truncate(failure.getMessage()), failed.id());
                log.warn("could not publish outbox message {} to {}; it and the rows after it wait for the next drain: {}",
                        failed.id(), failed.topic(), failure.getMessage());
                return published;
            }
            if (!stoppedEarly && rows.size() < settings.batchSize()) {
                return published;
            }
        }
    }

    /** Takes or extends the lease before a batch; logs when this instance starts or stops publishing. */
    private boolean lead() {
        boolean held = leadership.hold();
        if (held != leading) {
            leading = held;
            if (held) {
                log.info("this instance now publishes the outbox (lease {} held as {})", LEASE, leadership.holder());
            } else {
                log.info("another instance publishes the outbox (lease {} not held)", LEASE);
            }
        }
        return held;
    }

    /** Whether this relay held the lease at its last drain and still does. */
    public boolean leading() {
        return leading && leadership.held();
    }

    private void park(Row row, RuntimeException reason) {
        jdbc.update("UPDATE outbox_message SET refused_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                now(), truncate(reason.getMessage()), row.id());
        log.error("outbox message {} can never be published to {}; parked: {}", row.id(), row.topic(),
                reason.getMessage());
    }

    /** Deletes the sent rows older than the retention (only while this relay holds the lease); answers how many. */
    public int prune() {
        if (!leadership.held()) {
            return 0;
        }
        return jdbc.update("DELETE FROM outbox_message WHERE sent_at < ?",
                Timestamp.from(clock.instant().minus(settings.retention())));
    }

    /** Rows not yet published (parked ones excluded). */
    public long pending() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_message WHERE sent_at IS NULL AND refused_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        new NamedParameterJdbcTemplate(jdbc).update("UPDATE outbox_message SET sent_at = :now WHERE id IN (:ids)",
                new MapSqlParameterSource("now", now()).addValue("ids", ids));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    @Override
    public synchronized void start() {
        if (drainer != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long poll = Math.max(1, settings.pollInterval().toMillis());
        executor.scheduleWithFixedDelay(this::wake, 0, poll, TimeUnit.MILLISECONDS);
        long pruneEvery = Math.max(poll, Duration.ofMinutes(10).toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int pruned = prune();
                if (pruned > 0) {
                    log.info("pruned {} sent outbox message(s) older than {}", pruned, settings.retention());
                }
            } catch (RuntimeException e) {
                log.warn("could not prune the outbox: {}", e.getMessage());
            }
        }, pruneEvery, pruneEvery, TimeUnit.MILLISECONDS);
        drainer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor;
        synchronized (this) {
            executor = drainer;
            drainer = null;
        }
        if (executor == null) {
            return;
        }
        BackgroundExecutors.stop(executor);
        try {
            leadership.release();
            leading = false;
        } catch (RuntimeException e) {
            log.warn("could not release the outbox lease; another instance takes it once it expires: {}",
                    e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return drainer != null;
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private record Row(long id, String topic, String type, String payload) {
    }

    private record InFlight(Row row, ContractPublisher.Sent sent) {
    }
}
