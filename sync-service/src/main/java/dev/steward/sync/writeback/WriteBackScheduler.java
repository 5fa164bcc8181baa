package dev.steward.sync.writeback;

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
 * {@code sync_cycle} every {@code poll-interval}), and at least every {@code interval}. One run at a time.
 */
public class WriteBackScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WriteBackScheduler.class);

    private final WriteBackRunner runner;
    private final WriteBackStore store;
    private final WriteBackProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "writeback-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private long lastCycleSeen = -1;
    private Instant lastRun = Instant.MIN;

    public WriteBackScheduler(WriteBackRunner runner, WriteBackStore store, WriteBackProperties properties, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
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
                runner.run();
            }
        } catch (RuntimeException e) {
            log.error("write-back run failed; the next one retries", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
