package dev.steward.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.launcher.LauncherException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --postgres}: the launcher creates the services' databases on the local PostgreSQL when they are missing. */
class PostgreSqlDatabasesIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String prefix = "steward_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    private final Database.PostgreSql database = new Database.PostgreSql(SERVER, prefix, "postgres", "", null);

    @AfterEach
    void dropTheDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String name : existing()) {
                statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            }
        }
    }

    @Test
    void createsEveryMissingDatabaseOnceAndTheServiceCanConnect() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database.databaseName(StewardService.AUDIT) + "\"");
        }

        List<String> created = database.createMissing(List.of(StewardService.values()));

        assertThat(created).containsExactly(prefix + "directory", prefix + "selfservice", prefix + "sync");
        assertThat(existing()).containsExactlyInAnyOrder(prefix + "directory", prefix + "selfservice", prefix + "sync",
                prefix + "audit");
        assertThat(database.createMissing(List.of(StewardService.values()))).as("a second start creates nothing")
                .isEmpty();
        try (Connection service = DriverManager.getConnection(SERVER + database.databaseName(StewardService.SYNC),
                "postgres", "")) {
            assertThat(service.isValid(2)).isTrue();
        }
    }

    @Test
    void failsWithTheServerAndUserNamedWhenItCannotConnect() {
        Database.PostgreSql unreachable = new Database.PostgreSql("jdbc:postgresql://127.0.0.1:1/", prefix,
                "postgres", "", null);

        assertThatThrownBy(() -> unreachable.createMissing(List.of(StewardService.SYNC)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/postgres as postgres");
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifier() {
        Database.PostgreSql odd = new Database.PostgreSql(SERVER, "x\"; DROP DATABASE postgres; --", "postgres", "",
                null);

        assertThatThrownBy(() -> odd.createMissing(List.of(StewardService.SYNC)))
                .isInstanceOf(LauncherException.class).hasMessageContaining("is not a plain PostgreSQL name");
    }

    private List<String> existing() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY datname")) {
            query.setString(1, prefix.replace("_", "\\_") + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
