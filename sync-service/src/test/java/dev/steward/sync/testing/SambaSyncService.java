package dev.steward.sync.testing;

import static dev.steward.sync.testing.SambaDomainController.ADMINISTRATOR_DN;
import static dev.steward.sync.testing.SambaDomainController.BASE_DN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Initiator;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.cycle.CycleStatus;
import dev.steward.sync.cycle.CycleTrigger;
import dev.steward.sync.cycle.PolicyType;
import dev.steward.sync.cycle.SyncCycle;
import dev.steward.sync.cycle.SyncCycleRunner;
import dev.steward.sync.cycle.SyncCycles;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the Samba test classes share: a sync service pointed at the class's DC, and running one of its cycles. */
public final class SambaSyncService {

    private SambaSyncService() {
    }

    /**
     * The service on a fresh schema, reading {@code samba} as its administrator; no cycle at start and no schedule, so
     * a test runs the cycles it wants.
     */
    public static void register(DynamicPropertyRegistry registry, SambaDomainController samba) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        TestDatabase.freshSchemaIn("steward_sync").register(registry);
        registry.add("steward.sync.ldap.url", samba::url);
        registry.add("steward.sync.ldap.bind-dn", () -> ADMINISTRATOR_DN);
        registry.add("steward.sync.ldap.password", samba::password);
        registry.add("steward.sync.ldap.base-dn", () -> BASE_DN);
        registry.add("steward.sync.initial-cycle-on-start", () -> "false");
        registry.add("steward.sync.schedule.interval", () -> "0s");
    }

    /** Runs a cycle, asserts it succeeded, and waits until the directory's results of its exports have been handled. */
    public static SyncCycle runCycle(SyncCycleRunner runner, SyncCycles cycles, JdbcClient jdbc, PolicyType policyType,
                                     Initiator initiator, Duration timeout) {
        SyncCycle requested = runner.request(policyType, CycleTrigger.ON_DEMAND, initiator);
        SyncCycle done = await("cycle " + requested.id()).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> cycles.find(requested.id()).orElseThrow(),
                        c -> c.status() == CycleStatus.SUCCEEDED || c.status() == CycleStatus.FAILED);
        assertThat(done.status()).as("cycle error: %s", done.error()).isEqualTo(CycleStatus.SUCCEEDED);
        await("results of cycle " + done.id()).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM export_command WHERE cycle_id = ?").param(done.id())
                        .query(Long.class).single() == 0);
        return cycles.find(done.id()).orElseThrow();
    }
}
