package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** A user is found by userPrincipalName in any letter case, through an index rather than by reading every user. */
class UserPrincipalNameLookupIT extends DirectoryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findsAUserByPrincipalNameInAnyCaseThroughAnIndex() {
        String userId = syncedUser("upn-lookup");
        String principalName = jdbc.queryForObject("SELECT user_principal_name FROM user_view WHERE id = ?",
                String.class, userId);

        assertThat(api.get("/v1.0/users/" + principalName.toUpperCase(), TestTokens.app(UUID.randomUUID().toString(),
                Permissions.USER_READWRITE_ALL)).json().get("id").asString()).isEqualTo(userId);
        assertThat(plan("SELECT id FROM user_view WHERE LOWER(user_principal_name) = LOWER('"
                + principalName.toUpperCase() + "')")).anySatisfy(line -> assertThat(line)
                .contains("user_view_upn_lower_ix"));
    }

    /** The plan PostgreSQL makes when it may not read the whole table if an index serves the query. */
    private List<String> plan(String query) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet row = statement.executeQuery("EXPLAIN " + query)) {
                    while (row.next()) {
                        lines.add(row.getString(1));
                    }
                }
                statement.execute("RESET enable_seqscan");
                return lines;
            }
        });
    }
}
