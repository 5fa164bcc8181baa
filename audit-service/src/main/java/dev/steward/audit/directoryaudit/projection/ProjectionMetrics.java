package dev.steward.audit.directoryaudit.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The projection's meters: {@value #ENTRIES} counts entries written (a redelivered event adds nothing; its rate is
 * entries per second), {@value #LAG} times, per topic, how long after its {@code occurredAt} each record was
 * projected.
 */
@Component
public class ProjectionMetrics {

    public static final String ENTRIES = "steward.audit.entries.projected";
    public static final String LAG = "steward.audit.projection.lag";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter entries;
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public ProjectionMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.entries = Counter.builder(ENTRIES).description("Audit entries written by the projection")
                .baseUnit("entries").register(registry);
    }

    void entriesWritten(int count) {
        entries.increment(count);
    }

    /** A record of {@code topic} that happened at {@code occurredAt} has just been projected. */
    public void projected(String topic, Instant occurredAt) {
        Duration lag = Duration.between(occurredAt, clock.instant());
        lags.computeIfAbsent(topic, this::lagTimer).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    private Timer lagTimer(String topic) {
        return Timer.builder(LAG).description("Time from an event's occurredAt to its projection into the audit log")
                .tag("topic", topic)
                .register(registry);
    }
}
