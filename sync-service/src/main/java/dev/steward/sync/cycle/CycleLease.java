package dev.steward.sync.cycle;

import dev.steward.sync.support.SqlTime;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database lease that lets one instance of the sync engine at a time run cycles ({@code sync_lease}). An
 * instance holds it until it releases it or stops renewing it for {@code steward.sync.engine.lease-duration}; then
 * any other instance may take it.
 */
@Repository
public class CycleLease {

    static final String RUNNER = "cycle-runner";
    static final String QUEUE = "cycle-queue";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CycleLease(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the lease for {@code holder} if it is free, expired or already {@code holder}'s; true if it is now. */
    public boolean acquire(String holder, Duration duration) {
        var now = clock.instant();
        return jdbc.sql("UPDATE sync_lease SET holder = ?, expires_at = ? WHERE name = ? "
                        + "AND (holder IS NULL OR holder = ? OR expires_at < ?)")
                .params(holder, SqlTime.of(now.plus(duration)), RUNNER, holder, SqlTime.of(now))
                .update() == 1;
    }

    /** Extends {@code holder}'s lease; false if it is no longer {@code holder}'s (it expired and was taken). */
    public boolean renew(String holder, Duration duration) {
        return jdbc.sql("UPDATE sync_lease SET expires_at = ? WHERE name = ? AND holder = ?")
                .params(SqlTime.of(clock.instant().plus(duration)), RUNNER, holder).update() == 1;
    }

    public void release(String holder) {
        jdbc.sql("UPDATE sync_lease SET holder = NULL WHERE name = ? AND holder = ?").params(RUNNER, holder).update();
    }

    /** Serialises changes to the queue across instances until the caller's transaction ends. */
    public void lockQueue() {
        jdbc.sql("SELECT name FROM sync_lease WHERE name = ? FOR UPDATE").param(QUEUE).query(String.class).single();
    }
}
