package dev.steward.audit.directoryaudit.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The names of groups (table {@code audit_group}), from GroupCreated and GroupUpdated. A snapshot older than the one
 * stored changes nothing, so a late or redelivered event never brings back an old name. The projection reads and
 * changes them a batch of messages at a time ({@link BatchGroupNames}).
 */
@Repository
public class GroupNames implements GroupLookup {

    /** Ids per look-up; well under the drivers' bind parameter limits. */
    private static final int LOOKUP_CHUNK = 1_000;

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
        return Optional.ofNullable(stored(List.of(groupId)).get(groupId)).map(StoredGroup::group);
    }

    /**
     * The names of one batch, starting from those stored for {@code groupIds} (read in one query per 1,000 ids); an id
     * of {@code groupIds} without a row is known to have none, so asking for it later reads nothing more.
     */
    BatchGroupNames batch(Collection<String> groupIds) {
        return new BatchGroupNames(this, groupIds, stored(groupIds));
    }

    /** A group as stored, with the {@code occurredAt} of its snapshot. */
    record StoredGroup(AuditedGroup group, OffsetDateTime version) {
    }

    /** The stored rows of {@code groupIds}; an id without a row is not in the map. */
    Map<String, StoredGroup> stored(Collection<String> groupIds) {
        List<String> ids = new ArrayList<>(groupIds);
        Map<String, StoredGroup> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT group_id, display_name, group_type, state_version FROM " + table
                    + " WHERE group_id IN (" + marks + ")", (ResultSet rs) -> {
                        StoredGroup group = row(rs);
                        stored.put(group.group().id(), group);
                    }, chunk.toArray());
        }
        return stored;
    }

    private static StoredGroup row(ResultSet rs) throws SQLException {
        return new StoredGroup(new AuditedGroup(rs.getString("group_id"), rs.getString("display_name"),
                rs.getString("group_type")), rs.getObject("state_version", OffsetDateTime.class));
    }

    /**
     * Writes a batch's changes: {@code deleted} rows first (groups deleted at some point of the batch), then each
     * group's last snapshot, unless a newer one is stored meanwhile.
     */
    void write(Collection<String> deleted, Collection<StoredGroup> snapshots) {
        if (!deleted.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE group_id = ?",
                    deleted.stream().map(id -> new Object[] {id}).toList());
        }
        if (snapshots.isEmpty()) {
            return;
        }
        List<StoredGroup> ordered = new ArrayList<>(snapshots);
        int[] updated = jdbc.batchUpdate("UPDATE " + table + " SET display_name = ?, group_type = ?, state_version = ? "
                + "WHERE group_id = ? AND state_version <= ?", ordered.stream().map(snapshot -> new Object[] {
                        snapshot.group().displayName(), snapshot.group().groupType(), snapshot.version(),
                        snapshot.group().id(), snapshot.version()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (updated[i] == 0) {
                StoredGroup snapshot = ordered.get(i);
                inserts.add(new Object[] {snapshot.group().id(), snapshot.group().displayName(),
                        snapshot.group().groupType(), snapshot.version()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (group_id, display_name, group_type, state_version) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", inserts);
        }
    }
}
