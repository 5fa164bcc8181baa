package dev.steward.sync.writeback;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.lease.Leadership;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class WriteBackSchedulerTest {

    private final DriverManagerDataSource database = leaseDatabase();
    private final WriteBackRunner runner = mock(WriteBackRunner.class);
    private final WriteBackStore store = mock(WriteBackStore.class);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static DriverManagerDataSource leaseDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:writeback-lease-"
                + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        new JdbcTemplate(dataSource).execute("CREATE TABLE steward_lease (name VARCHAR(100) NOT NULL PRIMARY KEY, "
                + "holder VARCHAR(200), expires_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        return dataSource;
    }

    @Test
    void runsOnceAfterEachSyncCycleThatFinishedSinceTheLastLook() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ZERO, true), clock, leadership("only"));
        when(store.lastFinishedCycle()).thenReturn(4L);
        scheduler.tick(); // cycles finished before the service started are not a reason to run
        verify(runner, times(0)).run(any());

        when(store.lastFinishedCycle()).thenReturn(5L);
        scheduler.tick();
        scheduler.tick();
        verify(runner, times(1)).run(any());

        when(store.lastFinishedCycle()).thenReturn(7L);
        scheduler.tick();
        verify(runner, times(2)).run(any());
    }

    @Test
    void runsAtOnceAndThenEveryIntervalWithoutCycles() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ofMinutes(20), false), clock, leadership("only"));
        scheduler.tick();
        verify(runner, times(1)).run(any());

        now.set(now.get().plus(Duration.ofMinutes(19)));
        scheduler.tick();
        verify(runner, times(1)).run(any());

        now.set(now.get().plus(Duration.ofMinutes(1)));
        scheduler.tick();
        verify(runner, times(2)).run(any());
    }

    /** Two instances on one database (H2): only the lease holder runs; the other takes over once the lease expired. */
    @Test
    void onlyTheInstanceHoldingTheWriteBackLeaseRuns() {
        WriteBackRunner otherRunner = mock(WriteBackRunner.class);
        WriteBackScheduler first = new WriteBackScheduler(runner, store, properties(Duration.ofMinutes(20), false),
                clock, leadership("first"));
        WriteBackScheduler second = new WriteBackScheduler(otherRunner, store,
                properties(Duration.ofMinutes(20), false), clock, leadership("second"));

        first.tick();
        second.tick();
        verify(runner, times(1)).run(any());
        verify(otherRunner, times(0)).run(any());

        now.set(now.get().plus(Duration.ofMinutes(20))); // the first instance died 20 minutes ago: its lease expired
        second.tick();
        verify(otherRunner, times(1)).run(any());
        first.tick();
        verify(runner, times(1)).run(any());
    }

    @Test
    void aFailingRunDoesNotStopTheSchedule() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ofMinutes(1), false), clock, leadership("only"));
        when(runner.run(any())).thenThrow(new IllegalStateException("database away"));
        scheduler.tick();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        scheduler.tick();
        verify(runner, times(2)).run(any());
    }

    /** This instance's claim on the write-back lease, in one in-memory H2 database shared by the test's instances. */
    private Leadership leadership(String instance) {
        return new Leadership(new DatabaseLeases(new JdbcTemplate(database), clock), WriteBackScheduler.LEASE, instance,
                Duration.ofSeconds(30), clock);
    }

    private static WriteBackProperties properties(Duration interval, boolean afterSyncCycle) {
        return new WriteBackProperties(true, "all-security-groups", null, null, "OU=Cloud,DC=corp,DC=example,DC=test",
                "universal", "auto", null, null, interval, afterSyncCycle, Duration.ofSeconds(5), 5000);
    }
}
