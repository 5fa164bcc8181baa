package dev.steward.sync.writeback;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WriteBackSchedulerTest {

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

    @Test
    void runsOnceAfterEachSyncCycleThatFinishedSinceTheLastLook() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ZERO, true), clock);
        when(store.lastFinishedCycle()).thenReturn(4L);
        scheduler.tick(); // cycles finished before the service started are not a reason to run
        verify(runner, times(0)).run();

        when(store.lastFinishedCycle()).thenReturn(5L);
        scheduler.tick();
        scheduler.tick();
        verify(runner, times(1)).run();

        when(store.lastFinishedCycle()).thenReturn(7L);
        scheduler.tick();
        verify(runner, times(2)).run();
    }

    @Test
    void runsAtOnceAndThenEveryIntervalWithoutCycles() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ofMinutes(20), false), clock);
        scheduler.tick();
        verify(runner, times(1)).run();

        now.set(now.get().plus(Duration.ofMinutes(19)));
        scheduler.tick();
        verify(runner, times(1)).run();

        now.set(now.get().plus(Duration.ofMinutes(1)));
        scheduler.tick();
        verify(runner, times(2)).run();
    }

    @Test
    void aFailingRunDoesNotStopTheSchedule() {
        WriteBackScheduler scheduler = new WriteBackScheduler(runner, store, properties(Duration.ofMinutes(1), false), clock);
        when(runner.run()).thenThrow(new IllegalStateException("database away"));
        scheduler.tick();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        scheduler.tick();
        verify(runner, times(2)).run();
    }

    private static WriteBackProperties properties(Duration interval, boolean afterSyncCycle) {
        return new WriteBackProperties(true, "all-security-groups", null, null, "OU=Cloud,DC=corp,DC=example,DC=test",
                "universal", "auto", null, null, interval, afterSyncCycle, Duration.ofSeconds(5), 5000);
    }
}
