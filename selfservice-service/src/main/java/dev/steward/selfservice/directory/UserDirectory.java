package dev.steward.selfservice.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The users of the read model (table {@code directory_user}). */
@Repository
public class UserDirectory {

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownUser> find(String userId) {
        return jdbc.query("SELECT id, user_principal_name, display_name FROM directory_user WHERE id = ?",
                (rs, row) -> new KnownUser(rs.getString("id"), rs.getString("user_principal_name"),
                        rs.getString("display_name")), userId).stream().findFirst();
    }

    Optional<Instant> lockVersion(String userId) {
        return jdbc.query("SELECT state_version FROM directory_user WHERE id = ? FOR UPDATE",
                (rs, row) -> Timestamps.fromColumn(rs.getObject("state_version", LocalDateTime.class)), userId)
                .stream().findFirst();
    }

    void insert(KnownUser user, Instant version) {
        jdbc.update("INSERT INTO directory_user (id, user_principal_name, display_name, state_version) VALUES (?, ?, ?, ?)",
                user.id(), user.userPrincipalName(), user.displayName(), Timestamps.toColumn(version));
    }

    void update(KnownUser user, Instant version) {
        jdbc.update("UPDATE directory_user SET user_principal_name = ?, display_name = ?, state_version = ? WHERE id = ?",
                user.userPrincipalName(), user.displayName(), Timestamps.toColumn(version), user.id());
    }
}
