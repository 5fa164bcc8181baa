package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.contracts.Initiator;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.outbox.Outbox;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.sync.config.SyncProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.JdkIdGenerator;

/**
 * Cycles are queued in the database and run one at a time across every instance of the sync engine, under a lease:
 * two runners on one database stand for two instances (the engine is a stand-in that records what it is asked).
 */
class SyncCycleRunnerIT {

    private static final Initiator ADMIN = Initiator.user("u", "admin@corp.example.test", "Admin");
    private static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_sync");
    private static HikariDataSource dataSource;

    private final Clock clock = Clock.systemUTC();
    private final List<SyncCycleRunner> runners = new ArrayList<>();
    private SyncCycles cycles;
    private DatabaseLeases lease;
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private Outbox outbox;

    @BeforeAll
    static void database() {
        dataSource = DATABASE.migratedPool(10);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM sync_cycle").update();
        jdbc.sql("DELETE FROM outbox_message").update();
        jdbc.sql("UPDATE steward_lease SET holder = NULL").update();
        cycles = new SyncCycles(jdbc, clock);
        lease = new DatabaseLeases(new JdbcTemplate(dataSource), clock);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        outbox = new Outbox(new JdbcTemplate(dataSource), clock, mock(ApplicationEventPublisher.class));
    }

    @AfterEach
    void stopRunners() throws Exception {
        for (SyncCycleRunner runner : runners) {
            runner.destroy();
        }
    }

    @Test
    void cyclesRequestedOnTwoInstancesRunOneAtATimeEachOnceInRequestOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        SyncCycleEngine engine = engine((cycle, tally) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            ran.add(cycle.id());
            Thread.sleep(150);
            running.decrementAndGet();
        });
        SyncCycleRunner first = runner(engine, 10);
        SyncCycleRunner second = runner(engine, 10);

        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requested.add(first.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN).id());
            requested.add(second.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN).id());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> first.waiting() == 0);
        assertThat(ran).containsExactlyElementsOf(requested);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(requested).allSatisfy(id -> assertThat(cycles.find(id).orElseThrow().status())
                .isEqualTo(CycleStatus.SUCCEEDED));
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM outbox_message").query(Integer.class).single())
                .isEqualTo(6);
    }

    @Test
    void theQueueLimitCountsTheCyclesOfEveryInstance() {
        CountDownLatch release = new CountDownLatch(1);
        SyncCycleEngine engine = engine((cycle, tally) -> release.await(20, TimeUnit.SECONDS));
        SyncCycleRunner first = runner(engine, 2);
        SyncCycleRunner second = runner(engine, 2);
        try {
            first.request(PolicyType.INITIAL, CycleTrigger.ON_DEMAND, ADMIN);
            second.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);
            first.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);

            assertThatThrownBy(() -> second.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN))
                    .isInstanceOf(CycleQueueFullException.class);
            assertThat(first.requestScheduled(PolicyType.DELTA, ADMIN, Duration.ZERO)).isEmpty();
            assertThat(second.waiting()).isEqualTo(3);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> first.waiting() == 0);
        assertThat(second.requestScheduled(PolicyType.DELTA, ADMIN, Duration.ZERO)).isPresent();
    }

    /**
     * Both instances run the schedule: once one queued the scheduled cycle, the other's tick within half an interval
     * queues nothing, even after the cycle finished; a tick after that gap queues the next one.
     */
    @Test
    void twoInstancesOnOneScheduleQueueOneScheduledCyclePerInterval() throws Exception {
        SyncCycleEngine engine = engine((cycle, tally) -> { });
        SyncCycleRunner first = runner(engine, 10);
        SyncCycleRunner second = runner(engine, 10);
        Duration gap = Duration.ofSeconds(2);

        assertThat(first.requestScheduled(PolicyType.DELTA, ADMIN, gap)).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.waiting() == 0);
        assertThat(second.requestScheduled(PolicyType.DELTA, ADMIN, gap)).as("the other instance's tick").isEmpty();

        Thread.sleep(gap.toMillis() + 100);
        assertThat(second.requestScheduled(PolicyType.DELTA, ADMIN, gap)).as("the next interval").isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.waiting() == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_cycle WHERE trigger_kind = ?")
                .param(CycleTrigger.SCHEDULED.wireName()).query(Integer.class).single()).isEqualTo(2);
    }

    /** Two instances starting together queue one Initial cycle; a start after it finished queues another. */
    @Test
    void instancesStartingTogetherQueueOneStartUpCycle() {
        CountDownLatch release = new CountDownLatch(1);
        SyncCycleEngine engine = engine((cycle, tally) -> release.await(20, TimeUnit.SECONDS));
        SyncCycleRunner first = runner(engine, 10);
        SyncCycleRunner second = runner(engine, 10);
        try {
            assertThat(first.requestOnStart(PolicyType.INITIAL, ADMIN)).isPresent();
            assertThat(second.requestOnStart(PolicyType.INITIAL, ADMIN)).isEmpty();
            assertThat(first.waiting()).isEqualTo(1);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> first.waiting() == 0);
        assertThat(second.requestOnStart(PolicyType.INITIAL, ADMIN)).isPresent();
    }

    @Test
    void aCycleLeftRunningByAStoppedInstanceIsFailedAnnouncedAndQueuedAgainOnceItsLeaseExpired() {
        SyncCycle left = cycles.create("left-" + System.nanoTime(), PolicyType.INITIAL, CycleTrigger.STARTUP, ADMIN);
        assertThat(cycles.claimNext("crashed-instance")).isPresent();
        holdLease("crashed-instance", Instant.now().plusSeconds(60));
        Set<String> ran = ConcurrentHashMap.newKeySet();
        SyncCycleRunner survivor = runner(engine((cycle, tally) -> ran.add(cycle.id())), 5);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> cycles.find(left.id()).orElseThrow().status() == CycleStatus.RUNNING);
        assertThat(ran).isEmpty();

        holdLease("crashed-instance", Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> ran.size() == 1 && survivor.waiting() == 0);
        SyncCycle failed = cycles.find(left.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(failed.error()).isEqualTo(SyncCycleRunner.INTERRUPTED);
        SyncCycle restarted = cycles.find(ran.iterator().next()).orElseThrow();
        assertThat(restarted.policyType()).isEqualTo(PolicyType.INITIAL);
        assertThat(restarted.status()).isEqualTo(CycleStatus.SUCCEEDED);
        assertThat(jdbc.sql("SELECT message_id FROM outbox_message").query(String.class).list())
                .contains(SyncCycleRunner.completedEventId(left.id()).toString());
    }

    @Test
    void anInstanceThatLosesItsLeaseStopsItsCycleAtTheNextObject() {
        SyncCycleRunner runner = runner(engine((cycle, tally) -> {
            for (int i = 0; i < 600; i++) {
                tally.add(Outcome.UNCHANGED);
                Thread.sleep(50);
            }
        }), 5);
        SyncCycle cycle = runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);
        await().atMost(Duration.ofSeconds(10)).until(() -> cycles.find(cycle.id()).orElseThrow().progress() != null);

        holdLease("another-instance", Instant.now().plusSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> cycles.find(cycle.id()).orElseThrow().status()
                == CycleStatus.FAILED);
        SyncCycle stopped = cycles.find(cycle.id()).orElseThrow();
        assertThat(stopped.error()).isEqualTo(SyncCycleRunner.LEASE_LOST);
        assertThat(stopped.counts().unchanged()).isBetween(1, 599);
    }

    @Test
    void aRunningCyclesPhaseAndObjectsProcessedOfTheTotalAreSavedWhileItRuns() {
        CountDownLatch release = new CountDownLatch(1);
        SyncCycleRunner runner = runner(engine((cycle, tally) -> {
            tally.phase(Tally.EXPORT, 10);
            for (int i = 0; i < 4; i++) {
                tally.add(i == 3 ? Outcome.FAILED : Outcome.ADDED);
            }
            release.await(20, TimeUnit.SECONDS);
        }), 5);
        SyncCycle cycle = runner.request(PolicyType.INITIAL, CycleTrigger.ON_DEMAND, ADMIN);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                CycleProgress progress = cycles.find(cycle.id()).orElseThrow().progress();
                assertThat(progress).isNotNull();
                assertThat(progress.phase()).isEqualTo(Tally.EXPORT);
                assertThat(progress.processed()).isEqualTo(4);
                assertThat(progress.total()).isEqualTo(10);
                assertThat(progress.errors()).isEqualTo(1);
            });
            assertThat(cycles.find(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.RUNNING);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cycles.find(cycle.id()).orElseThrow().status()
                == CycleStatus.SUCCEEDED);
        assertThat(cycles.find(cycle.id()).orElseThrow().progress().phase()).isEqualTo(Tally.DONE);
    }

    @Test
    void aFailingCycleIsRecordedAsFailedWithItsCountsAndAnnounced() {
        SyncCycleRunner runner = runner(engine((cycle, tally) -> {
            tally.add(Outcome.UPDATED);
            throw new IllegalStateException("directory unreachable");
        }), 5);

        SyncCycle cycle = runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, ADMIN);

        await().atMost(Duration.ofSeconds(10)).until(() -> runner.waiting() == 0);
        SyncCycle failed = cycles.find(cycle.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(failed.error()).isEqualTo("directory unreachable");
        assertThat(failed.counts()).isEqualTo(new CycleCounts(0, 1, 0, 0, 0));
        assertThat(jdbc.sql("SELECT payload FROM outbox_message WHERE message_id = ?")
                .param(SyncCycleRunner.completedEventId(cycle.id()).toString()).query(String.class).single())
                .containsPattern("\"status\"\\s*:\\s*\"Failed\"").contains("directory unreachable");
    }

    /** Another instance holds the runner's lease until {@code expiresAt}. */
    private void holdLease(String holder, Instant expiresAt) {
        jdbc.sql("UPDATE steward_lease SET holder = ?, expires_at = ? WHERE name = ?")
                .params(holder, java.sql.Timestamp.from(expiresAt), SyncCycleRunner.RUNNER_LEASE).update();
    }

    private interface EngineRun {
        void run(SyncCycle cycle, Tally tally) throws Exception;
    }

    private static SyncCycleEngine engine(EngineRun run) {
        SyncCycleEngine engine = mock(SyncCycleEngine.class);
        doAnswer(call -> {
            run.run(call.getArgument(0), call.getArgument(1));
            return null;
        }).when(engine).run(any(), any());
        return engine;
    }

    private SyncCycleRunner runner(SyncCycleEngine engine, int maxQueued) {
        SyncCycleRunner runner = new SyncCycleRunner(cycles, lease, engine, outbox, transaction, new JdkIdGenerator(),
                clock, properties(maxQueued));
        runner.afterPropertiesSet();
        runners.add(runner);
        return runner;
    }

    private static SyncProperties properties(int maxQueued) {
        return new SyncProperties(new SyncProperties.Ldap(null, null, null, null, 500, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), new SyncProperties.Scope(List.of(), List.of(), null), null,
                new SyncProperties.Schedule(Duration.ZERO), false, new SyncProperties.Engine("app", "Steward Sync",
                maxQueued, Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMillis(100)));
    }
}
