package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.config.SyncProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.JdkIdGenerator;

class SyncCycleRunnerTest {

    private static final Initiator ADMIN = Initiator.user("u", "admin@corp.example.test", "Admin");

    private final SyncCycles cycles = mock(SyncCycles.class);
    private final SyncCycleEngine engine = mock(SyncCycleEngine.class);
    private final Outbox outbox = mock(Outbox.class);
    private final TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));
    private final CountDownLatch release = new CountDownLatch(1);
    private SyncCycleRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        when(cycles.create(anyString(), any(), any(), any())).thenAnswer(call -> cycle(call.getArgument(0),
                call.getArgument(1), call.getArgument(2), CycleStatus.QUEUED, null));
        when(cycles.find(anyString())).thenAnswer(call -> Optional.of(cycle(call.getArgument(0), PolicyType.DELTA,
                CycleTrigger.ON_DEMAND, CycleStatus.SUCCEEDED, null)));
        doAnswer(call -> {
            release.await(10, TimeUnit.SECONDS);
            call.<Tally>getArgument(1).add(Outcome.ADDED);
            return null;
        }).when(engine).run(any(), any());
        runner = new SyncCycleRunner(cycles, engine, outbox, transaction, new JdkIdGenerator(), properties(2));
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        runner.destroy();
    }

    @Test
    void queuesRequestsBehindTheRunningCycleAndRefusesWhenTheQueueIsFull() {
        runner.request(PolicyType.INITIAL, CycleTrigger.ON_DEMAND, ADMIN);
        runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);
        runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);

        assertThat(runner.waiting()).isEqualTo(3);
        assertThatThrownBy(() -> runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN))
                .isInstanceOf(CycleQueueFullException.class);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.waiting() == 0);
        verify(cycles, org.mockito.Mockito.times(3)).complete(anyString(), eq(CycleStatus.SUCCEEDED),
                eq(new CycleCounts(1, 0, 0, 0, 0)), eq(null));
    }

    @Test
    void scheduledCycleIsDroppedWhileAnotherRunsOrWaits() {
        runner.request(PolicyType.INITIAL, CycleTrigger.STARTUP, ADMIN);

        assertThat(runner.requestIfIdle(PolicyType.DELTA, CycleTrigger.SCHEDULED, ADMIN)).isEmpty();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.waiting() == 0);
        assertThat(runner.requestIfIdle(PolicyType.DELTA, CycleTrigger.SCHEDULED, ADMIN)).isPresent();
    }

    @Test
    void aFailingCycleIsRecordedAsFailedWithItsCountsAndAnnounced() {
        doAnswer(call -> {
            call.<Tally>getArgument(1).add(Outcome.UPDATED);
            throw new IllegalStateException("directory unreachable");
        }).when(engine).run(any(), any());
        when(cycles.find(anyString())).thenAnswer(call -> Optional.of(cycle(call.getArgument(0), PolicyType.DELTA,
                CycleTrigger.ON_DEMAND, CycleStatus.FAILED, "directory unreachable")));

        runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);

        await().atMost(Duration.ofSeconds(10)).until(() -> runner.waiting() == 0);
        verify(cycles).complete(anyString(), eq(CycleStatus.FAILED), eq(new CycleCounts(0, 1, 0, 0, 0)),
                eq("directory unreachable"));
        ArgumentCaptor<SyncCycleCompleted> event = ArgumentCaptor.forClass(SyncCycleCompleted.class);
        verify(outbox).append(eq(Topics.SYNC_EVENTS), event.capture());
        assertThat(event.getValue().status()).isEqualTo("Failed");
        assertThat(event.getValue().error()).isEqualTo("directory unreachable");
        assertThat(event.getValue().metadata().eventId()).isEqualTo(SyncCycleRunner.completedEventId(
                event.getValue().cycleId()));
    }

    @Test
    void cyclesLeftUnfinishedByAPreviousRunAreFailedAndAnnounced() {
        when(cycles.unfinished()).thenReturn(List.of("c-1"));
        when(cycles.find("c-1")).thenReturn(Optional.of(cycle("c-1", PolicyType.DELTA, CycleTrigger.SCHEDULED,
                CycleStatus.FAILED, SyncCycleRunner.INTERRUPTED)));

        runner.failUnfinishedCycles();

        verify(cycles).failUnfinished(SyncCycleRunner.INTERRUPTED);
        ArgumentCaptor<SyncCycleCompleted> event = ArgumentCaptor.forClass(SyncCycleCompleted.class);
        verify(outbox).append(eq(Topics.SYNC_EVENTS), event.capture());
        assertThat(event.getValue().cycleId()).isEqualTo("c-1");
        assertThat(event.getValue().status()).isEqualTo("Failed");
        assertThat(event.getValue().metadata().eventId()).isEqualTo(SyncCycleRunner.completedEventId("c-1"));
    }

    private static SyncCycle cycle(String id, PolicyType policyType, CycleTrigger trigger, CycleStatus status,
                                   String error) {
        Instant now = Instant.now();
        return new SyncCycle(id, policyType, trigger, status, now, now, now, CycleCounts.NONE, error, ADMIN);
    }

    private static SyncProperties properties(int maxQueued) {
        return new SyncProperties(new SyncProperties.Ldap(null, null, null, null, 500, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), new SyncProperties.Scope(List.of(), List.of(), null), null,
                new SyncProperties.Schedule(Duration.ZERO), false, new SyncProperties.Engine("app", "Steward Sync", maxQueued, Duration.ofSeconds(60)));
    }
}
