package dev.steward.sync.writeback;

import dev.steward.platform.lease.Leadership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts write-back runs: after every sync cycle that finished since the last run ({@code after-sync-cycle}, seen in
 * {@code sync_cycle} every {@code poll-interval}), and at least every {@code interval}. One run at a time across every
 * instance: only the instance holding the database lease {@value #LEASE} (platform {@link Leadership}, of
 * {@code steward.sync.engine.lease-duration}) looks and runs; it extends the lease at every poll and before each
 * group, and another instance takes over within the lease's duration when it dies.
 */
public class WriteBackScheduler implements DisposableBean {

    /** The name of the write-back lease in {@code steward_lease}. */
    public static final String LEASE = "write-back";

    private static final Logger log = LoggerFactory.getLogger(WriteBackScheduler.class);

    private final WriteBackRunner runner;
    private final WriteBackStore store;
    private final WriteBackProperties properties;
    private final Clock clock;
    private final Leadership leadership;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "writeback-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private long lastCycleSeen = -1;
    private Instant lastRun = Instant.MIN;

    public WriteBackScheduler(WriteBackRunner runner, WriteBackStore store, WriteBackProperties properties, Clock clock,
                              Leadership leadership) {
        this.runner = runner;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.leadership = leadership;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Duration interval = properties.interval();
        boolean timed = interval != null && !interval.isNegative() && !interval.isZero();
        if (!timed && !properties.afterSyncCycle()) {
            log.info("write-back runs are not scheduled (interval {} and after-sync-cycle false)", interval);
            return;
        }
        long poll = Math.max(100, properties.pollInterval().toMillis());
        timer.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.MILLISECONDS);
        log.info("write-back runs {}{}", timed ? "every " + interval : "",
                properties.afterSyncCycle() ? (timed ? " and " : "") + "after each sync cycle" : "");
    }

    void tick() {
        try {
            if (!leadership.hold()) {
                return; // another instance runs write-back
            }
            boolean cycleFinished = false;
            if (properties.afterSyncCycle()) {
                long cycle = store.lastFinishedCycle();
                cycleFinished = lastCycleSeen >= 0 && cycle > lastCycleSeen;
                lastCycleSeen = cycle;
            }
            Instant now = clock.instant();
            Duration interval = properties.interval();
            boolean timeIsUp = interval != null && !interval.isNegative() && !interval.isZero()
                    && (lastRun.equals(Instant.MIN) || !now.isBefore(lastRun.plus(interval)));
            if (cycleFinished || timeIsUp) {
                lastRun = now;
                runner.run(leadership::hold);
            }
        } catch (RuntimeException e) {
            log.error("write-back run failed; the next one retries", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        try {
            leadership.release();
        } catch (RuntimeException e) {
            log.warn("could not release the write-back lease; another instance takes it once it expires: {}",
                    e.getMessage());
        }
    }
}
