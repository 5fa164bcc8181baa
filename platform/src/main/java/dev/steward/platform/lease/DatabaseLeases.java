package dev.steward.platform.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Named leases in the service's database (table {@code steward_lease}, see platform/README.md): the one way Steward
 * lets a single instance of a service do a per-database job at a time (publish the outbox, run sync cycles). A
 * holder keeps a lease until it releases it or stops renewing it for the duration it asked for; then any other
 * instance may take it. Expiry is judged by the clock of the instance that takes the lease, so instances' clocks must
 * agree to well within a lease's duration (NTP). Works on PostgreSQL and H2.
 */
public class DatabaseLeases {

    private static final OffsetDateTime NEVER_HELD = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public DatabaseLeases(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes lease {@code name} for {@code holder} if it is free, expired or already {@code holder}'s (then it is
     * extended); answers whether {@code holder} now holds it for {@code duration}.
     */
    public boolean acquire(String name, String holder, Duration duration) {
        ensureRow(name);
        Instant now = clock.instant();
        return jdbc.update("UPDATE steward_lease SET holder = ?, expires_at = ? WHERE name = ? "
                        + "AND (holder IS NULL OR holder = ? OR expires_at < ?)",
                holder, at(now.plus(duration)), name, holder, at(now)) == 1;
    }

    /** Extends {@code holder}'s lease; false if it is no longer {@code holder}'s (it expired and was taken). */
    public boolean renew(String name, String holder, Duration duration) {
        return jdbc.update("UPDATE steward_lease SET expires_at = ? WHERE name = ? AND holder = ?",
                at(clock.instant().plus(duration)), name, holder) == 1;
    }

    /** Gives the lease up at once if {@code holder} holds it, so another instance need not wait for it to expire. */
    public void release(String name, String holder) {
        jdbc.update("UPDATE steward_lease SET holder = NULL WHERE name = ? AND holder = ?", name, holder);
    }

    /** Who holds lease {@code name}, if anyone and it has not expired. */
    public Optional<String> holder(String name) {
        List<String> holders = jdbc.queryForList("SELECT holder FROM steward_lease WHERE name = ? AND holder IS NOT NULL "
                + "AND expires_at >= ?", String.class, name, at(clock.instant()));
        return holders.stream().findFirst();
    }

    /**
     * Locks row {@code name} until the caller's transaction ends: serialises a check-then-write (e.g. "queue a cycle
     * unless too many wait") across instances. Must run inside a transaction.
     */
    public void lock(String name) {
        ensureRow(name);
        jdbc.queryForList("SELECT name FROM steward_lease WHERE name = ? FOR UPDATE", String.class, name);
    }

    private void ensureRow(String name) {
        if (known.contains(name)) {
            return;
        }
        jdbc.update("INSERT INTO steward_lease (name, holder, expires_at) VALUES (?, NULL, ?) ON CONFLICT DO NOTHING",
                name, NEVER_HELD);
        known.add(name);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
