package dev.steward.launcher.service;

import dev.steward.launcher.stack.StackLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a service keeps its tables: an H2 file per service (the quickstart) or a PostgreSQL database. */
public sealed interface Database {

    /** The {@code spring.datasource.*} (and Flyway) properties for one service. */
    Map<String, String> properties(StewardService service, StackLayout layout);

    /** Shown in the ready banner. */
    String describe(StackLayout layout);

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

        @Override
        public String describe(StackLayout layout) {
            return "PostgreSQL " + baseUrl + databasePrefix + "*";
        }
    }
}
