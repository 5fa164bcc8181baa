package dev.steward.sync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL at 127.0.0.1:5432, database {@code steward_sync} (created if missing). Each test context gets
 * a fresh schema, dropped when the JVM ends, so reruns never see old rows.
 */
public final class TestDatabase {

    public static final String DATABASE = "steward_sync";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private TestDatabase() {
    }

    /** A new, empty schema name; Flyway creates it. */
    public static String newSchema() {
        ensureDatabase();
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema)));
        return schema;
    }

    public static String url(String schema) {
        return SERVER + DATABASE + "?currentSchema=" + schema;
    }

    private static void ensureDatabase() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by someone else
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for the integration tests", e);
            }
        }
    }

    private static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
