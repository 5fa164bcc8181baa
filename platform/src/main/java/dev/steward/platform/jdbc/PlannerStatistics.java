package dev.steward.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps PostgreSQL's planner statistics of a service's tables that are looked up by key in batches fresh, by
 * autovacuum's own rule: a table is analyzed when more rows changed since its last analysis than
 * {@code autovacuum_analyze_threshold} plus {@code autovacuum_analyze_scale_factor} of its live rows. Where autovacuum
 * keeps up this finds nothing to do; where it does not run (these machines) or has not woken up yet, a table that
 * grew from empty keeps the statistics of an empty table, and the planner then reads all of it for a look-up by key
 * ({@code id IN (...)}, the second column of a primary key): a prepared statement planned while the table was small
 * keeps that plan until the table is analyzed. Nothing on other databases (H2 plans from its own row counts).
 */
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final boolean postgres;

    /** For these tables of the current schema; names are checked (ANALYZE takes no parameter). */
    public PlannerStatistics(DataSource dataSource, List<String> tables) {
        tables.forEach(table -> {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
        });
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = List.copyOf(tables);
        this.postgres = isPostgres(dataSource);
    }

    /** Whether there is anything to refresh here: the database is PostgreSQL. */
    public boolean applies() {
        return postgres;
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
                        + "AND relname = ANY (?) "
                        + "AND n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8 "
                        + "+ current_setting('autovacuum_analyze_scale_factor')::float8 * n_live_tup ORDER BY relname")
                .param(tables.toArray(String[]::new)).query(String.class).list();
        for (String table : stale) {
            if (!tables.contains(table)) {
                throw new IllegalStateException("not one of the tables to analyze: " + table);
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
