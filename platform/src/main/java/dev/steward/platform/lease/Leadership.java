package dev.steward.platform.lease;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One instance's claim on one {@link DatabaseLeases lease} for a job that should run on one instance at a time: the
 * job calls {@link #hold()} before each unit of work (takes the lease, or extends it if this instance holds it) and
 * does the work only when it answers true. An instance that stops calling it (killed, paused) loses the lease
 * {@code duration} after its last call, and the next instance to call {@code hold()} takes it; a stopping instance
 * {@link #release() releases} it so another takes over at once.
 */
public class Leadership {

    private final DatabaseLeases leases;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;
    private volatile Instant heldUntil = Instant.MIN;

    public Leadership(DatabaseLeases leases, String name, String holder, Duration duration, Clock clock) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the lease duration of " + name + " must be positive");
        }
        this.leases = leases;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    /** A name for this process that no other instance has (pid@host and a random part): the holder of its leases. */
    public static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Takes or extends the lease; true if this instance holds it for {@code duration} from the call. */
    public boolean hold() {
        Instant start = clock.instant();
        if (leases.acquire(name, holder, duration)) {
            heldUntil = start.plus(duration);
            return true;
        }
        heldUntil = Instant.MIN;
        return false;
    }

    /** Whether the last {@link #hold()} succeeded and its lease has not run out since (no database access). */
    public boolean held() {
        return clock.instant().isBefore(heldUntil);
    }

    /** Gives the lease up, if held. */
    public void release() {
        heldUntil = Instant.MIN;
        leases.release(name, holder);
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    public Duration duration() {
        return duration;
    }
}
