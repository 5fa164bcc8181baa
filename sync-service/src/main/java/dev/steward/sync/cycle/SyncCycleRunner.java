package dev.steward.sync.cycle;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.ldap.DirectoryReadException;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Runs cycles one at a time, in the order requested, on one background thread. A request while a cycle runs is
 * queued (at most {@code steward.sync.engine.max-queued-cycles} wait; more are refused); a scheduled cycle is
 * dropped instead when anything is running or queued. Every finished cycle is announced with
 * {@link SyncCycleCompleted}, written to the outbox in the transaction that records the cycle's end (so a cycle is
 * announced if and only if its end is recorded, once, under an event id derived from the cycle id).
 */
@Component
public class SyncCycleRunner implements DisposableBean {

    static final String INTERRUPTED = "The sync service stopped before the cycle finished.";

    private static final Logger log = LoggerFactory.getLogger(SyncCycleRunner.class);

    private final SyncCycles cycles;
    private final SyncCycleEngine engine;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final IdGenerator ids;
    private final int maxQueued;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sync-cycle");
        thread.setDaemon(true);
        return thread;
    });

    public SyncCycleRunner(SyncCycles cycles, SyncCycleEngine engine, Outbox outbox, TransactionTemplate transaction,
                           IdGenerator ids, SyncProperties properties) {
        this.cycles = cycles;
        this.engine = engine;
        this.outbox = outbox;
        this.transaction = transaction;
        this.ids = ids;
        this.maxQueued = Math.max(0, properties.engine().maxQueuedCycles());
    }

    /**
     * Before any request can arrive: cycles a previous run of the service left unfinished never will finish. They are
     * marked failed and announced, like any other finished cycle.
     */
    @PostConstruct
    void failUnfinishedCycles() {
        List<String> failed = transaction.execute(status -> {
            List<String> unfinished = cycles.unfinished();
            cycles.failUnfinished(INTERRUPTED);
            unfinished.forEach(id -> cycles.find(id).ifPresent(cycle -> outbox.append(Topics.SYNC_EVENTS, completed(cycle))));
            return unfinished;
        });
        if (failed != null && !failed.isEmpty()) {
            log.warn("marked {} unfinished sync cycle(s) of a previous run as failed", failed.size());
        }
    }

    /**
     * Queues a cycle.
     *
     * @throws CycleQueueFullException when the running cycle already has {@code max-queued-cycles} waiting behind it
     */
    public synchronized SyncCycle request(PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        int current = waiting.get();
        if (current > maxQueued) {
            throw new CycleQueueFullException(current);
        }
        return submit(policyType, trigger, initiator);
    }

    /** Queues a cycle only if nothing is running or queued (scheduled cycles never pile up). */
    public synchronized Optional<SyncCycle> requestIfIdle(PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        return waiting.get() > 0 ? Optional.empty() : Optional.of(submit(policyType, trigger, initiator));
    }

    /** Cycles running or queued. */
    public int waiting() {
        return waiting.get();
    }

    private SyncCycle submit(PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        SyncCycle cycle = cycles.create(ids.generateId().toString(), policyType, trigger, initiator);
        waiting.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    run(cycle);
                } finally {
                    waiting.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            cycles.complete(cycle.id(), CycleStatus.FAILED, CycleCounts.NONE, INTERRUPTED);
            throw e;
        }
        return cycle;
    }

    private void run(SyncCycle cycle) {
        Tally tally = new Tally();
        CycleStatus status = CycleStatus.SUCCEEDED;
        String error = null;
        try {
            cycles.markRunning(cycle.id());
            log.info("sync cycle {} ({}, {}) started", cycle.id(), cycle.policyType().wireName(), cycle.trigger().wireName());
            engine.run(cycle, tally);
        } catch (RuntimeException e) {
            status = CycleStatus.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof CycleAbortedException || e instanceof DirectoryReadException) {
                log.error("sync cycle {} failed: {}", cycle.id(), error);
            } else {
                log.error("sync cycle {} failed: {}", cycle.id(), error, e);
            }
        }
        try {
            CycleStatus finalStatus = status;
            String finalError = error;
            SyncCycle done = transaction.execute(tx -> {
                cycles.complete(cycle.id(), finalStatus, tally.counts(), finalError);
                SyncCycle completed = cycles.find(cycle.id()).orElseThrow();
                outbox.append(Topics.SYNC_EVENTS, completed(completed));
                return completed;
            });
            log.info("sync cycle {} {}: {}", done.id(), done.status().wireName(), done.counts());
        } catch (RuntimeException e) {
            log.error("could not record or announce the end of sync cycle {}", cycle.id(), e);
        }
    }

    /** The stable event id of a cycle's end: announcing the same cycle twice is one event to consumers. */
    static UUID completedEventId(String cycleId) {
        return UUID.nameUUIDFromBytes(("steward:sync:cycle-completed:" + cycleId).getBytes(StandardCharsets.UTF_8));
    }

    private static SyncCycleCompleted completed(SyncCycle cycle) {
        UUID eventId = completedEventId(cycle.id());
        CycleCounts counts = cycle.counts();
        return new SyncCycleCompleted(
                new EventMetadata(eventId, cycle.completedAt(), cycle.id(), cycle.id(), cycle.initiator(),
                        EventMetadata.CURRENT_SCHEMA_VERSION),
                cycle.id(), cycle.policyType().wireName(), cycle.status().wireName(), cycle.startedAt(),
                cycle.completedAt(), counts.added(), counts.updated(), counts.unchanged(), counts.skipped(),
                counts.failed(), cycle.error());
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("a sync cycle was still running at shutdown");
        }
    }
}
