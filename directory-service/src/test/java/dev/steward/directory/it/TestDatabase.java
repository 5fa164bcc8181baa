package dev.steward.directory.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real PostgreSQL at 127.0.0.1:5432 for integration tests: database {@code steward_directory} (created if
 * missing) and a fresh schema per test JVM, so a rerun never sees old rows. Schemas of runs older than a day are
 * dropped.
 */
final class TestDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DATABASE = "steward_directory";
    static final String USER = "postgres";
    private static final String PREFIX = "it_";
    private static final Duration STALE = Duration.ofDays(1);

    private TestDatabase() {
    }

    /** A new schema name; the service's Flyway creates the schema. */
    static String freshSchema() {
        ensureDatabase();
        dropStaleSchemas();
        return PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String url(String schema) {
        return SERVER + DATABASE + "?currentSchema=" + schema;
    }

    private static void ensureDatabase() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the integration tests", e);
            }
        }
    }

    private static void dropStaleSchemas() {
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'it\\_%\\_%'")) {
                while (rs.next()) {
                    String[] parts = rs.getString(1).split("_");
                    if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < cutoff) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String schema : stale) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean up old test schemas in " + DATABASE, e);
        }
    }
}
