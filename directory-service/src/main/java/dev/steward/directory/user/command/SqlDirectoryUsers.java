package dev.steward.directory.user.command;

import dev.steward.directory.common.BatchedWrites;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link DirectoryUsers} answered from {@code user_view}, which the user projection keeps in the same transaction as
 * the events (set-based validation).
 */
@Component
class SqlDirectoryUsers implements DirectoryUsers {

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchedWrites writes;

    SqlDirectoryUsers(NamedParameterJdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public boolean principalNameTaken(String userPrincipalName, String exceptUserId) {
        writes.beforeRead();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM user_view "
                        + "WHERE LOWER(user_principal_name) = LOWER(:upn) AND id <> :id",
                new MapSqlParameterSource("upn", userPrincipalName).addValue("id", exceptUserId), Long.class);
        return count != null && count > 0;
    }
}
