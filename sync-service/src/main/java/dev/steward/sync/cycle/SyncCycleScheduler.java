package dev.steward.sync.cycle;

import dev.steward.contracts.Initiator;
import dev.steward.sync.config.SyncProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cycles nobody asked for: an Initial cycle when the service is ready ({@code steward.sync.initial-cycle-on-start})
 * and a Delta cycle every {@code steward.sync.schedule.interval} (30 minutes by default, as Connect Sync). Every
 * instance runs this schedule; the queue (locked across instances) keeps them to one start-up cycle at a time and one
 * scheduled cycle per interval.
 */
@Component
public class SyncCycleScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncCycleScheduler.class);

    private final SyncCycleRunner runner;
    private final SyncProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sync-schedule");
        thread.setDaemon(true);
        return thread;
    });

    public SyncCycleScheduler(SyncCycleRunner runner, SyncProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    /** The sync engine itself is the initiator of the cycles it starts on its own. */
    Initiator engine() {
        return Initiator.app(properties.engine().appId(), properties.engine().appDisplayName());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (properties.initialCycleOnStart()
                && runner.requestOnStart(PolicyType.INITIAL, engine()).isEmpty()) {
            log.info("Initial cycle on start not queued: another instance's start-up cycle is queued or running");
        }
        Duration interval = properties.schedule().interval();
        if (interval != null && !interval.isNegative() && !interval.isZero()) {
            timer.scheduleWithFixedDelay(this::scheduledDelta, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Delta sync cycles every {}", interval);
        } else {
            log.info("scheduled sync cycles are disabled");
        }
    }

    private void scheduledDelta() {
        try {
            if (runner.requestScheduled(PolicyType.DELTA, engine(), properties.schedule().interval().dividedBy(2))
                    .isEmpty()) {
                log.info("scheduled Delta cycle dropped: a cycle is running or queued, or another instance queued the "
                        + "scheduled one");
            }
        } catch (RuntimeException e) {
            log.error("could not queue the scheduled Delta cycle", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
