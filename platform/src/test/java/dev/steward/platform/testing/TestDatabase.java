package dev.steward.platform.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL at 127.0.0.1:5432 for integration tests: the service's database (created if missing) and a
 * fresh schema for the test JVM, which the service's Flyway creates and which is dropped when the JVM exits, so a
 * rerun never sees old rows.
 */
public final class TestDatabase {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private final String database;
    private final String schema;

    private TestDatabase(String database) {
        this.database = database;
        this.schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A fresh schema in {@code database}, dropped at JVM exit. */
    public static TestDatabase freshSchemaIn(String database) {
        TestDatabase testDatabase = new TestDatabase(database);
        testDatabase.createDatabaseIfMissing();
        Runtime.getRuntime().addShutdownHook(new Thread(testDatabase::dropSchema, "drop-" + testDatabase.schema));
        return testDatabase;
    }

    public String schema() {
        return schema;
    }

    public String url() {
        return SERVER + database + "?currentSchema=" + schema;
    }

    /**
     * A pool of at most {@code maximumPoolSize} connections on this schema, migrated by the service's Flyway scripts
     * (those on the test's class path), for a test that builds the service's parts by hand, e.g. two instances of
     * one part. The caller closes it.
     */
    public HikariDataSource migratedPool(int maximumPoolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url());
        dataSource.setUsername(USER);
        dataSource.setMaximumPoolSize(maximumPoolSize);
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).load().migrate();
        return dataSource;
    }

    /** Points the service's datasource and Flyway at this schema. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", this::schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the integration tests", e);
            }
        }
    }

    private void dropSchema() {
        try (Connection connection = DriverManager.getConnection(SERVER + database, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
