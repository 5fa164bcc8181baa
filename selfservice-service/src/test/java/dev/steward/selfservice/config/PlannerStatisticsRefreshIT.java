package dev.steward.selfservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.selfservice.support.SelfServiceTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The planner statistics of the tables the service reads by key are kept fresh while they grow. */
class PlannerStatisticsRefreshIT extends SelfServiceTestBase {

    @Test
    void everyRefreshedTableIsATableOfTheService() {
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema()", String.class)).containsAll(PlannerStatisticsConfiguration.TABLES);
    }

    /** Read-model rows written far beyond autovacuum's threshold are analyzed within seconds, with no autovacuum. */
    @Test
    void aReadModelTableThatGrewIsAnalyzedWithinSeconds() {
        jdbc.update("INSERT INTO processed_message (consumer, message_id, processed_at) SELECT 'planner-test', "
                + "'m-' || n, now() FROM generate_series(1, 5000) n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                "SELECT n_mod_since_analyze < 5000 AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) "
                        + "FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                        + "AND relname = 'processed_message'", Boolean.class));
    }
}
