package dev.steward.selfservice.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The users of the read model (table {@code directory_user}). */
@Repository
public class UserDirectory {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownUser> find(String userId) {
        return jdbc.query("SELECT id, user_principal_name, display_name FROM directory_user WHERE id = ?",
                (rs, row) -> new KnownUser(rs.getString("id"), rs.getString("user_principal_name"),
                        rs.getString("display_name")), userId).stream().findFirst();
    }

    /**
     * The SKU ids of the licences the user holds, as the directory last announced them; empty for a user the directory
     * never announced licences of (or an unknown user).
     */
    public List<String> assignedSkuIds(String userId) {
        return jdbc.queryForList("SELECT assigned_sku_ids FROM directory_user WHERE id = ?", String.class, userId)
                .stream().filter(Objects::nonNull).findFirst()
                .map(ids -> ids.isBlank() ? List.<String>of() : List.of(ids.split(" "))).orElse(List.of());
    }

    /**
     * Replaces the user's licences unless the stored ones are newer; a user not seen yet is recorded with its
     * principal name. Answers whether anything was written.
     */
    boolean applyLicenses(String userId, String userPrincipalName, List<String> skuIds, Instant version) {
        String ids = String.join(" ", skuIds);
        var current = jdbc.query("SELECT licenses_version FROM directory_user WHERE id = ? FOR UPDATE",
                (rs, row) -> Optional.ofNullable(Timestamps.fromColumn(
                        rs.getObject("licenses_version", LocalDateTime.class))), userId).stream().findFirst();
        if (current.isEmpty()) {
            jdbc.update("INSERT INTO directory_user (id, user_principal_name, state_version, assigned_sku_ids, "
                            + "licenses_version) VALUES (?, ?, ?, ?, ?)", userId, userPrincipalName,
                    Timestamps.toColumn(Instant.EPOCH), ids, Timestamps.toColumn(version));
            return true;
        }
        if (current.get().filter(version::isBefore).isPresent()) {
            return false;
        }
        jdbc.update("UPDATE directory_user SET assigned_sku_ids = ?, licenses_version = ? WHERE id = ?", ids,
                Timestamps.toColumn(version), userId);
        return true;
    }

    Optional<Instant> lockVersion(String userId) {
        return Optional.ofNullable(lockVersions(List.of(userId)).get(userId));
    }

    /** The versions of these users, their rows locked (in id order); users not seen yet are missing. */
    Map<String, Instant> lockVersions(Collection<String> userIds) {
        Map<String, Instant> versions = new HashMap<>();
        List<String> ids = userIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            jdbc.query("SELECT id, state_version FROM directory_user WHERE id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id FOR UPDATE",
                    rs -> {
                        versions.put(rs.getString("id"),
                                Timestamps.fromColumn(rs.getObject("state_version", LocalDateTime.class)));
                    }, chunk.toArray());
        }
        return versions;
    }

    void insert(KnownUser user, Instant version) {
        insertAll(List.of(new VersionedUser(user, version)));
    }

    void insertAll(List<VersionedUser> users) {
        jdbc.batchUpdate("INSERT INTO directory_user (id, user_principal_name, display_name, state_version) "
                        + "VALUES (?, ?, ?, ?)", users.stream().map(versioned -> new Object[] {versioned.user().id(),
                        versioned.user().userPrincipalName(), versioned.user().displayName(),
                        Timestamps.toColumn(versioned.version())}).toList());
    }

    void update(KnownUser user, Instant version) {
        updateAll(List.of(new VersionedUser(user, version)));
    }

    void updateAll(List<VersionedUser> users) {
        jdbc.batchUpdate("UPDATE directory_user SET user_principal_name = ?, display_name = ?, state_version = ? "
                        + "WHERE id = ?", users.stream().map(versioned -> new Object[] {
                        versioned.user().userPrincipalName(), versioned.user().displayName(),
                        Timestamps.toColumn(versioned.version()), versioned.user().id()}).toList());
    }

    /** A user as an event carried them, and the event's occurredAt. */
    record VersionedUser(KnownUser user, Instant version) {
    }
}
