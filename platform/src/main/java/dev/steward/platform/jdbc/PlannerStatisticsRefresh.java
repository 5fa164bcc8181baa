package dev.steward.platform.jdbc;

import dev.steward.platform.BackgroundExecutors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes a service's {@link PlannerStatistics} every {@code interval} on a thread of its own, while the application
 * runs: read models and request tables grow from empty faster than autovacuum wakes up (where it runs at all), and a
 * look-up prepared while a table was small would otherwise read all of it. A failed refresh is logged; the next one
 * runs as planned. On databases other than PostgreSQL no thread is started.
 */
public class PlannerStatisticsRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatisticsRefresh.class);

    private final PlannerStatistics statistics;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    public PlannerStatisticsRefresh(PlannerStatistics statistics, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the check interval must be positive: " + interval);
        }
        this.statistics = statistics;
        this.interval = interval;
    }

    /**
     * Refreshes now, in the caller's thread (one refresh at a time).
     *
     * @return the tables analyzed
     */
    public synchronized List<String> refreshNow() {
        return statistics.refreshStale();
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !statistics.applies()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "planner-statistics");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor;
        synchronized (this) {
            executor = scheduler;
            scheduler = null;
        }
        if (executor == null) {
            return;
        }
        BackgroundExecutors.stop(executor);
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            log.warn("planner statistics not refreshed: {}", e.toString());
        }
    }
}
