package dev.steward.sync.cycle;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.lease.Leadership;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.ldap.DirectoryReadException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Runs the queued cycles of every instance, one at a time across all of them. Requests are rows in
 * {@code sync_cycle} (status Queued), so any instance may take them; the instance that holds the database lease
 * {@value #RUNNER_LEASE} (platform {@link DatabaseLeases}; {@code steward.sync.engine.lease-duration}) runs them in the order requested, renewing the lease and saving the cycle's progress every
 * second, and logging it every {@value #LOG_EVERY_SECONDS} seconds.
 * <ul>
 *   <li>At most {@code steward.sync.engine.max-queued-cycles} cycles wait behind the running one, counted across
 *       instances; more are refused. A scheduled cycle is dropped instead when anything is running or queued.</li>
 *   <li>An instance that stops (crash, kill) leaves its cycle Running; when its lease has expired the next holder
 *       marks that cycle failed ({@value #INTERRUPTED}) and queues the same kind of cycle again, which exports only
 *       what the connector space does not already hold.</li>
 *   <li>An instance that cannot renew its lease (it was taken after a pause longer than the lease) stops its cycle
 *       before its next batch of objects, so it exports at most the batch it was in after another instance took over
 *       (the batch's row locks keep the two from interleaving on the same objects).</li>
 * </ul>
 * Every finished cycle is announced with {@link SyncCycleCompleted}, written to the outbox in the transaction that
 * records the cycle's end (so a cycle is announced if and only if its end is recorded, once, under an event id
 * derived from the cycle id).
 */
@Component
public class SyncCycleRunner implements InitializingBean, DisposableBean {

    /** The lease of the instance that runs cycles. */
    static final String RUNNER_LEASE = "cycle-runner";
    /** The row locked while a request checks the queue and adds to it. */
    static final String QUEUE_LOCK = "cycle-queue";
    static final String INTERRUPTED = "The sync service stopped before the cycle finished.";
    static final String LEASE_LOST = "The sync service lost its lease on running cycles (another instance took over).";
    private static final int LOG_EVERY_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(SyncCycleRunner.class);

    private final SyncCycles cycles;
    private final DatabaseLeases leases;
    private final SyncCycleEngine engine;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxQueued;
    private final Duration leaseDuration;
    private final Duration pollInterval;
    private final String instance;
    private final Semaphore work = new Semaphore(0);
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sync-cycle-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread worker = new Thread(this::work, "sync-cycle");
    private volatile boolean stopped;

    public SyncCycleRunner(SyncCycles cycles, DatabaseLeases leases, SyncCycleEngine engine, Outbox outbox,
                           TransactionTemplate transaction, IdGenerator ids, Clock clock, SyncProperties properties) {
        this.cycles = cycles;
        this.leases = leases;
        this.engine = engine;
        this.outbox = outbox;
        this.transaction = transaction;
        this.ids = ids;
        this.clock = clock;
        this.maxQueued = Math.max(0, properties.engine().maxQueuedCycles());
        this.leaseDuration = properties.engine().leaseDuration();
        this.pollInterval = properties.engine().pollInterval();
        this.instance = Leadership.instanceName();
        worker.setDaemon(true);
    }

    @Override
    public void afterPropertiesSet() {
        worker.start();
    }

    /** This instance's name in the lease and in the cycles it runs. */
    public String instance() {
        return instance;
    }

    /**
     * Queues a cycle.
     *
     * @throws CycleQueueFullException when the running cycle already has {@code max-queued-cycles} waiting behind it
     */
    public SyncCycle request(PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        SyncCycle cycle = transaction.execute(status -> {
            leases.lock(QUEUE_LOCK);
            int unfinished = cycles.countUnfinished();
            if (unfinished > maxQueued) {
                throw new CycleQueueFullException(unfinished);
            }
            return create(policyType, trigger, initiator);
        });
        work.release();
        return cycle;
    }

    /**
     * Queues a scheduled cycle unless anything is running or queued, or any instance queued a scheduled cycle less
     * than {@code gap} ago: each instance runs the schedule, and together they queue one cycle per interval.
     */
    public Optional<SyncCycle> requestScheduled(PolicyType policyType, Initiator initiator, Duration gap) {
        Optional<SyncCycle> cycle = transaction.execute(status -> {
            leases.lock(QUEUE_LOCK);
            return cycles.anyUnfinished() || cycles.requestedSince(CycleTrigger.SCHEDULED, clock.instant().minus(gap))
                    ? Optional.<SyncCycle>empty()
                    : Optional.of(create(policyType, CycleTrigger.SCHEDULED, initiator));
        });
        cycle.ifPresent(queued -> work.release());
        return cycle;
    }

    /**
     * Queues the cycle an instance asks for when it starts, unless a start-up cycle is already queued or running
     * (several instances starting together ask for one).
     */
    public Optional<SyncCycle> requestOnStart(PolicyType policyType, Initiator initiator) {
        Optional<SyncCycle> cycle = transaction.execute(status -> {
            leases.lock(QUEUE_LOCK);
            return cycles.anyUnfinished(CycleTrigger.STARTUP) ? Optional.<SyncCycle>empty()
                    : Optional.of(create(policyType, CycleTrigger.STARTUP, initiator));
        });
        cycle.ifPresent(queued -> work.release());
        return cycle;
    }

    /** Cycles running or queued, on every instance. */
    public int waiting() {
        return cycles.countUnfinished();
    }

    private SyncCycle create(PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        return cycles.create(ids.generateId().toString(), policyType, trigger, initiator);
    }

    private void work() {
        while (!stopped) {
            try {
                if (cycles.anyUnfinished() && leases.acquire(RUNNER_LEASE, instance, leaseDuration)) {
                    try {
                        runQueued();
                    } finally {
                        leases.release(RUNNER_LEASE, instance);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("sync cycle runner: {}; trying again in {}", e.toString(), pollInterval);
            }
            try {
                work.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                work.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** With the lease held: ends what a stopped instance left running, then runs the queue. */
    private void runQueued() {
        for (SyncCycle left : cycles.running()) {
            SyncCycle restarted = transaction.execute(status -> {
                finish(left.id(), CycleStatus.FAILED, CycleCounts.NONE, INTERRUPTED);
                return create(left.policyType(), left.trigger(), left.initiator());
            });
            log.warn("sync cycle {} was left running by an instance that stopped ({}); marked failed and queued again "
                    + "as cycle {}", left.id(), left.progress() == null ? "no progress saved" : left.progress(),
                    restarted.id());
        }
        while (!stopped) {
            Optional<SyncCycle> next = cycles.claimNext(instance);
            if (next.isEmpty()) {
                return;
            }
            run(next.get());
            if (!leases.renew(RUNNER_LEASE, instance, leaseDuration)) {
                return;
            }
        }
    }

    private void run(SyncCycle cycle) {
        Tally tally = new Tally();
        Instant started = clock.instant();
        ScheduledFuture<?> beat = heartbeat.scheduleWithFixedDelay(() -> beat(cycle, tally, started), 1, 1,
                TimeUnit.SECONDS);
        CycleStatus status = CycleStatus.SUCCEEDED;
        String error = null;
        try {
            log.info("sync cycle {} ({}, {}) started", cycle.id(), cycle.policyType().wireName(), cycle.trigger().wireName());
            engine.run(cycle, tally);
            tally.phase(Tally.DONE, null);
        } catch (RuntimeException e) {
            status = CycleStatus.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof CycleAbortedException || e instanceof DirectoryReadException) {
                log.error("sync cycle {} failed: {}", cycle.id(), error);
            } else {
                log.error("sync cycle {} failed: {}", cycle.id(), error, e);
            }
        } finally {
            beat.cancel(false);
        }
        try {
            CycleStatus finalStatus = status;
            String finalError = error;
            SyncCycle done = transaction.execute(tx -> {
                cycles.saveProgress(cycle.id(), tally.progress(clock.instant()));
                return finish(cycle.id(), finalStatus, tally.counts(), finalError);
            });
            log.info("sync cycle {} {}: {}", done.id(), done.status().wireName(), done.counts());
        } catch (RuntimeException e) {
            log.error("could not record or announce the end of sync cycle {}", cycle.id(), e);
        }
    }

    /** Every second while a cycle runs: renew the lease (or stop the cycle), save its progress, now and then log it. */
    private void beat(SyncCycle cycle, Tally tally, Instant started) {
        try {
            if (!leases.renew(RUNNER_LEASE, instance, leaseDuration)) {
                tally.stop(LEASE_LOST);
                return;
            }
            CycleProgress progress = tally.progress(clock.instant());
            cycles.saveProgress(cycle.id(), progress);
            long seconds = Duration.between(started, progress.updatedAt()).toSeconds();
            if (seconds > 0 && seconds % LOG_EVERY_SECONDS == 0) {
                log.info("sync cycle {}: {}, {} of {} objects, {}/s, {} failed", cycle.id(), progress.phase(),
                        progress.processed(), progress.total() == null ? "?" : progress.total(),
                        progress.processed() / seconds, progress.errors());
            }
        } catch (RuntimeException e) {
            log.warn("sync cycle {}: could not renew the lease or save progress: {}", cycle.id(), e.toString());
        }
    }

    private SyncCycle finish(String id, CycleStatus status, CycleCounts counts, String error) {
        cycles.complete(id, status, counts, error);
        SyncCycle completed = cycles.find(id).orElseThrow();
        outbox.append(Topics.SYNC_EVENTS, completed(completed));
        return completed;
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
        stopped = true;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        if (worker.isAlive()) {
            log.warn("a sync cycle was still running at shutdown");
        }
        heartbeat.shutdownNow();
    }
}
