package dev.steward.selfservice.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL for integration tests: database {@code steward_selfservice} on 127.0.0.1:5432 (created if
 * missing), one fresh schema per test JVM, dropped when the JVM exits, so reruns never see old rows.
 */
public final class TestDatabase {

    public static final String DATABASE = "steward_selfservice";
    public static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
            .toLowerCase(Locale.ROOT);
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private static boolean prepared;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (!prepared) {
            createDatabaseIfMissing();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchema, "drop-test-schema"));
            prepared = true;
        }
        return SERVER + DATABASE + "?currentSchema=" + SCHEMA;
    }

    private static void createDatabaseIfMissing() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for the "
                    + "integration tests", e);
        }
    }

    private static void dropSchema() {
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             var statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + SCHEMA + ": " + e.getMessage());
        }
    }
}
