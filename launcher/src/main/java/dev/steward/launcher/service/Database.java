package dev.steward.launcher.service;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.stack.StackLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a service keeps its tables: an H2 file per service (the quickstart) or a PostgreSQL database. */
public sealed interface Database {

    /** The {@code spring.datasource.*} (and Flyway) properties for one service. */
    Map<String, String> properties(StewardService service, StackLayout layout);

    /** Shown in the ready banner. */
    String describe(StackLayout layout);

    /**
     * Makes sure the services' databases exist before they start; answers the names it created.
     *
     * @throws LauncherException when the database server cannot be reached or refuses
     */
    default List<String> createMissing(Collection<StewardService> services) {
        return List.of();
    }

    /** H2 files under {@code <data dir>/data/<service>}, in PostgreSQL mode so the services' Flyway scripts run. */
    record H2Files() implements Database {

        @Override
        public Map<String, String> properties(StewardService service, StackLayout layout) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", "jdbc:h2:file:" + layout.database(service.module())
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
            return properties;
        }

        @Override
        public String describe(StackLayout layout) {
            return "H2 files in " + layout.root().resolve("data");
        }
    }

    /**
     * PostgreSQL: database {@code <databasePrefix><service short name>} under {@code baseUrl}
     * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/} + {@code steward_} + {@code sync}). With a {@code schema}, every
     * service works in that schema, which Flyway creates (tests use a fresh one per run).
     */
    record PostgreSql(String baseUrl, String databasePrefix, String username, String password, String schema)
            implements Database {

        /** SQLSTATE of CREATE DATABASE for a name that exists (another launcher was quicker). */
        private static final String DUPLICATE_DATABASE = "42P04";

        public PostgreSql {
            baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        }

        @Override
        public Map<String, String> properties(StewardService service, StackLayout layout) {
            Map<String, String> properties = new LinkedHashMap<>();
            String url = baseUrl + databaseName(service);
            if (schema != null) {
                url += "?currentSchema=" + schema;
                properties.put("spring.flyway.schemas", schema);
                properties.put("spring.flyway.create-schemas", "true");
            }
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", username);
            properties.put("spring.datasource.password", password);
            return properties;
        }

        public String databaseName(StewardService service) {
            return databasePrefix + service.shortName();
        }

        /**
         * Connects to the server's {@code postgres} maintenance database with the given credentials and creates each
         * service's database that is missing (the user needs {@code CREATEDB}). Flyway then creates the tables.
         */
        @Override
        public List<String> createMissing(Collection<StewardService> services) {
            List<String> created = new ArrayList<>();
            String maintenance = baseUrl + "postgres";
            try (Connection connection = DriverManager.getConnection(maintenance, username, password)) {
                for (StewardService service : services) {
                    String name = databaseName(service);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                        throw LauncherException.usage("database name '" + name + "' is not a plain PostgreSQL name");
                    }
                    try (PreparedStatement exists = connection.prepareStatement(
                            "SELECT 1 FROM pg_database WHERE datname = ?")) {
                        exists.setString(1, name);
                        try (ResultSet rs = exists.executeQuery()) {
                            if (rs.next()) {
                                continue;
                            }
                        }
                    }
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + name + "\"");
                        created.add(name);
                    } catch (SQLException e) {
                        if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new LauncherException("cannot create the services' databases through " + maintenance + " as "
                        + username + ": " + e.getMessage(), e);
            }
            return created;
        }

        @Override
        public String describe(StackLayout layout) {
            return "PostgreSQL " + baseUrl + databasePrefix + "*";
        }
    }
}
