package dev.steward.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.platform.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Planner statistics of tables that grew from empty, on the real PostgreSQL (no autovacuum on these machines). */
class PlannerStatisticsIT {

    private static final String LOOK_UP = "consumer = $1 AND message_id IN ($2, $3)";

    /**
     * A look-up by the second column of the key, prepared while the table was empty, keeps a plan that reads every
     * row of the consumer until the table is analyzed; the refresh analyzes the table that grew (not one it was not
     * given), and the same prepared look-up then finds its rows by the whole key.
     */
    @Test
    void aTableThatGrewFromEmptyIsAnalyzedAndAPreparedLookUpThenUsesTheWholeKey() {
        DriverManagerDataSource dataSource = schema();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE processed_message (consumer VARCHAR(100) NOT NULL, message_id VARCHAR(100) NOT NULL, "
                + "PRIMARY KEY (consumer, message_id))");
        jdbc.execute("CREATE TABLE other (id VARCHAR(100) PRIMARY KEY)");
        PlannerStatistics statistics = new PlannerStatistics(dataSource, List.of("processed_message"));
        SingleConnectionDataSource service = new SingleConnectionDataSource(dataSource.getUrl(), TestDatabase.USER, "",
                true);
        try {
            JdbcTemplate serviceJdbc = new JdbcTemplate(service);
            serviceJdbc.execute("SET plan_cache_mode = force_generic_plan");
            serviceJdbc.execute("PREPARE look_up (varchar, varchar, varchar) AS SELECT message_id FROM "
                    + "processed_message WHERE " + LOOK_UP);
            assertThat(plan(serviceJdbc)).as("planned on an empty table").contains("Filter: ((message_id)::text = ANY");
            assertThat(statistics.refreshStale()).isEmpty();

            jdbc.update("INSERT INTO processed_message SELECT 'read-model', 'm-' || n FROM generate_series(1, 20000) n");
            jdbc.update("INSERT INTO other SELECT 'o-' || n FROM generate_series(1, 20000) n");
            await("changes counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> modifiedSinceAnalyze(jdbc, "processed_message") >= 20_000
                            && modifiedSinceAnalyze(jdbc, "other") >= 20_000);
            assertThat(plan(serviceJdbc)).as("the plan made while the table was empty, kept")
                    .contains("Filter: ((message_id)::text = ANY");

            assertThat(statistics.refreshStale()).containsExactly("processed_message");

            assertThat(plan(serviceJdbc)).contains("Index Cond: ((consumer = ($1)::text) AND (message_id = ANY")
                    .doesNotContain("Filter");
            assertThat(modifiedSinceAnalyze(jdbc, "other")).isGreaterThanOrEqualTo(20_000);
            await("analysis counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> modifiedSinceAnalyze(jdbc, "processed_message") == 0);
            assertThat(statistics.refreshStale()).as("nothing changed since").isEmpty();
        } finally {
            service.destroy();
        }
    }

    /** The refresh analyzes a table that grew on its own thread, from start to stop. */
    @Test
    void theRefreshAnalyzesATableThatGrewUntilItIsStopped() {
        DriverManagerDataSource dataSource = schema();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE processed_message (consumer VARCHAR(100) NOT NULL, message_id VARCHAR(100) NOT NULL, "
                + "PRIMARY KEY (consumer, message_id))");
        PlannerStatisticsRefresh refresh = new PlannerStatisticsRefresh(
                new PlannerStatistics(dataSource, List.of("processed_message")), Duration.ofMillis(100));
        refresh.start();
        try {
            assertThat(refresh.isRunning()).isTrue();
            jdbc.update("INSERT INTO processed_message SELECT 'read-model', 'm-' || n FROM generate_series(1, 5000) n");

            await("analyzed by the refresh").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.queryForObject("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                            + "WHERE schemaname = current_schema() AND relname = 'processed_message'", Boolean.class));
        } finally {
            refresh.stop();
        }
        assertThat(refresh.isRunning()).isFalse();
    }

    @Test
    void theRefreshNeedsAPositiveInterval() {
        PlannerStatistics statistics = new PlannerStatistics(h2(), List.of("processed_message"));
        assertThatThrownBy(() -> new PlannerStatisticsRefresh(statistics, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPlainTableNamesAreTaken() {
        assertThatThrownBy(() -> new PlannerStatistics(schema(), List.of("t; DROP TABLE x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain table name");
    }

    @Test
    void nothingHappensOnH2() {
        DriverManagerDataSource h2 = h2();
        new JdbcTemplate(h2).execute("CREATE TABLE processed_message (id VARCHAR(100) PRIMARY KEY)");
        PlannerStatistics statistics = new PlannerStatistics(h2, List.of("processed_message"));
        assertThat(statistics.applies()).isFalse();
        assertThat(statistics.refreshStale()).isEmpty();

        PlannerStatisticsRefresh refresh = new PlannerStatisticsRefresh(statistics, Duration.ofMillis(100));
        refresh.start();
        assertThat(refresh.isRunning()).as("no thread on H2").isFalse();
        refresh.stop();
    }

    private static DriverManagerDataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:planner-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static String plan(JdbcTemplate jdbc) {
        return String.join("\n", jdbc.queryForList("EXPLAIN EXECUTE look_up ('read-model', 'm-1', 'm-2')",
                String.class));
    }

    private static long modifiedSinceAnalyze(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE schemaname = "
                + "current_schema() AND relname = ?", Long.class, table);
    }

    private static DriverManagerDataSource schema() {
        TestDatabase database = TestDatabase.freshSchemaIn("steward_platform");
        new JdbcTemplate(new DriverManagerDataSource(TestDatabase.SERVER + "steward_platform", TestDatabase.USER, ""))
                .execute("CREATE SCHEMA " + database.schema());
        return new DriverManagerDataSource(database.url(), TestDatabase.USER, "");
    }
}
