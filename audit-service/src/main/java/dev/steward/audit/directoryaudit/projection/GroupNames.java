package dev.steward.audit.directoryaudit.projection;

import dev.steward.contracts.event.GroupSnapshot;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The names of groups (table {@code audit_group}), from GroupCreated and GroupUpdated. A snapshot older than the one
 * stored changes nothing, so a late or redelivered event never brings back an old name.
 */
@Repository
public class GroupNames implements GroupLookup {

    private final JdbcTemplate jdbc;
    private final String table;

    @Autowired
    public GroupNames(JdbcTemplate jdbc) {
        this(jdbc, ProjectionTables.LIVE.groups());
    }

    private GroupNames(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The group names of {@code other} tables. */
    public GroupNames in(ProjectionTables other) {
        return new GroupNames(jdbc, other.groups());
    }

    @Override
    public Optional<AuditedGroup> find(String groupId) {
        return jdbc.query("SELECT group_id, display_name, group_type FROM " + table + " WHERE group_id = ?",
                (rs, row) -> new AuditedGroup(rs.getString("group_id"), rs.getString("display_name"),
                        rs.getString("group_type")), groupId).stream().findFirst();
    }

    /** Keeps the group's name and type as of {@code occurredAt}, unless a newer snapshot is stored. */
    void record(GroupSnapshot group, Instant occurredAt) {
        OffsetDateTime version = occurredAt.atOffset(ZoneOffset.UTC);
        String groupType = DirectoryEventAudits.groupType(group.kind());
        int updated = jdbc.update("UPDATE " + table + " SET display_name = ?, group_type = ?, state_version = ? "
                + "WHERE group_id = ? AND state_version <= ?", group.displayName(), groupType, version, group.id(),
                version);
        if (updated == 0) {
            jdbc.update("INSERT INTO " + table + " (group_id, display_name, group_type, state_version) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", group.id(), group.displayName(), groupType, version);
        }
    }

    void forget(String groupId) {
        jdbc.update("DELETE FROM " + table + " WHERE group_id = ?", groupId);
    }
}
