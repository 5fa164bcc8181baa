package dev.steward.sync.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the tables a cycle looks up in batches fresh, by autovacuum's own rule:
 * a table is analyzed when more rows changed since its last analysis than {@code autovacuum_analyze_threshold} plus
 * {@code autovacuum_analyze_scale_factor} of its live rows. Where autovacuum runs this finds nothing to do; where it
 * does not (or has not yet woken up after a large cycle), a table the first Initial cycle filled has no statistics,
 * and the planner then takes a batch's {@code exported_reference} look-up ({@code anchor IN (...)} on 200 groups)
 * for most of the table and scans all of it: at 5x the estate, 500,000 rows for every batch of groups.
 * Nothing on other databases (H2 plans from its own row counts).
 */
@Component
public class PlannerStatistics {

    /** The tables read by key in every batch; names are constants (ANALYZE takes no parameter). */
    static final List<String> TABLES = List.of("connector_space", "exported_reference", "export_command");

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcClient jdbc;
    private final boolean postgres;

    public PlannerStatistics(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Analyzes the tables whose statistics are stale by autovacuum's rule.
     *
     * @return the tables analyzed
     */
    public List<String> refreshStale() {
        if (!postgres) {
            return List.of();
        }
        List<String> stale = jdbc.sql("SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                        + "AND relname IN ('connector_space', 'exported_reference', 'export_command') "
                        + "AND n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8 "
                        + "+ current_setting('autovacuum_analyze_scale_factor')::float8 * n_live_tup ORDER BY relname")
                .query(String.class).list();
        for (String table : stale) {
            if (!TABLES.contains(table)) {
                throw new IllegalStateException("not a table of the sync engine: " + table);
            }
            jdbc.sql("ANALYZE " + table).update();
        }
        if (!stale.isEmpty()) {
            log.info("planner statistics refreshed (changed beyond autovacuum's analyze threshold): {}", stale);
        }
        return stale;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
