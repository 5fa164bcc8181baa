package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.directory.config.PlannerStatisticsConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The planner statistics of the tables the directory reads by key are kept fresh while they grow. */
class PlannerStatisticsRefreshIT extends DirectoryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRefreshedTableIsATableOfTheService() {
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema()", String.class)).containsAll(PlannerStatisticsConfiguration.TABLES);
    }

    /** Rows written far beyond autovacuum's threshold are analyzed within seconds, with no autovacuum. */
    @Test
    void aTableThatGrewIsAnalyzedWithinSeconds() {
        long analyzedBefore = analyzeCount();
        jdbc.update("INSERT INTO command_outcome (command_id, command_type, status, completed_at, result_published) "
                + "SELECT 'planner-' || gen_random_uuid(), 'directory.SyncUser', 'SUCCEEDED', now(), TRUE "
                + "FROM generate_series(1, 5000)");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> analyzeCount() > analyzedBefore);
    }

    private long analyzeCount() {
        return jdbc.queryForObject("SELECT analyze_count + autoanalyze_count FROM pg_stat_user_tables "
                + "WHERE schemaname = current_schema() AND relname = 'command_outcome'", Long.class);
    }
}
