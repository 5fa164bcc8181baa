package dev.steward.sync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.platform.jdbc.PlannerStatistics;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Planner statistics of the sync engine's tables on PostgreSQL, where these machines run no autovacuum. */
class PlannerStatisticsIT extends SyncServiceIntegrationTest {

    private static final int GROUPS = 20_000;
    private static final int MEMBERS = 5;
    private static final int BATCH = 200;

    @Autowired
    private PlannerStatistics statistics;
    @Autowired
    private TransactionTemplate transaction;

    /**
     * The exported memberships of a batch of groups are read by the primary key's leading column once the table's
     * statistics are refreshed after a large change (as the first Initial cycle makes): without them the planner
     * takes 200 anchors for most of the table and reads all of it, in every batch of groups.
     */
    @Test
    void aTableChangedBeyondAutovacuumsThresholdIsAnalyzedAndBatchLookUpsThenUseItsIndex() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> anchors = IntStream.range(0, BATCH).mapToObj(i -> run + "-" + i).toList();
        try {
            // as the first Initial cycle leaves it: every group's confirmed members, never analyzed
            jdbc.sql("INSERT INTO exported_reference (anchor, relation, cloud_id) SELECT ? || '-' || g, 'member', "
                    + "'member-' || m FROM generate_series(0, ?) AS g, generate_series(1, ?) AS m")
                    .params(run, GROUPS - 1, MEMBERS).update();
            // the server counts changes once the inserting session reported them (within a second or so)
            await("changes counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> modifiedSinceAnalyze() >= GROUPS * MEMBERS);

            assertThat(statistics.refreshStale()).contains("exported_reference");

            await("analysis counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> modifiedSinceAnalyze() < GROUPS * MEMBERS);
            Long wholeTableScans = transaction.execute(status -> {
                assertThat(connectorSpaceRepository.exportedMemberships(anchors)).hasSize(BATCH)
                        .allSatisfy((anchor, membership) -> assertThat(membership.memberIds()).hasSize(MEMBERS));
                return jdbc.sql("SELECT seq_scan FROM pg_stat_xact_user_tables "
                        + "WHERE relid = 'exported_reference'::regclass").query(Long.class).single();
            });
            assertThat(wholeTableScans).isZero();
        } finally {
            jdbc.sql("DELETE FROM exported_reference WHERE anchor LIKE ?").param(run + "-%").update();
        }
    }

    private long modifiedSinceAnalyze() {
        return jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = 'exported_reference'::regclass")
                .query(Long.class).single();
    }
}
