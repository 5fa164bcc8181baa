package dev.steward.sync.writeback;

import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupKind;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.sync.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Write-back's tables ({@code V5__writeback.sql}): tracked groups, their cloud members, AD baselines, drift. */
@Repository
public class WriteBackStore {

    private static final String COLUMNS = "group_id, display_name, description, kind, is_cloud_managed, "
            + "on_premises_anchor, deleted, refusal, cloud_version, handled_version, ad_object_guid, ad_dn, written_display_name, "
            + "written_description, status, last_error, attempts, members_skipped, last_attempt_at, last_written_at";
    private static final int MAX_ERROR = 2000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final JsonMapper json;

    public WriteBackStore(JdbcClient jdbc, JdbcTemplate batch, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.json = json;
    }

    // ---- the cloud's side, from the directory's events

    public Optional<WriteBackGroup> find(String groupId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM writeback_group WHERE group_id = ?").param(groupId)
                .query(WriteBackStore::group).optional();
    }

    /**
     * Records a group's properties; a group not tracked yet is tracked only if it is a security group. The cloud
     * version moves when something write-back writes (or decides on) changed.
     */
    public void saveSnapshot(GroupSnapshot group) {
        String refusal = refusal("displayName", group.displayName());
        if (refusal == null) {
            refusal = refusal("description", group.description());
        }
        String displayName = storable(group.displayName());
        String description = storable(group.description());
        Optional<WriteBackGroup> known = find(group.id());
        if (known.isEmpty()) {
            if (group.kind() != GroupKind.SECURITY) {
                return;
            }
            jdbc.sql("INSERT INTO writeback_group (group_id, display_name, description, kind, is_cloud_managed, "
                            + "on_premises_anchor, refusal, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(group.id(), displayName, description, group.kind().name(), group.isCloudManaged(),
                            group.onPremisesAnchor(), refusal, WriteBackStatus.PENDING.toString(), now())
                    .update();
            return;
        }
        WriteBackGroup old = known.get();
        boolean changed = !Objects.equals(old.displayName(), displayName)
                || !Objects.equals(old.description(), description)
                || !Objects.equals(old.refusal(), refusal)
                || old.kind() != group.kind()
                || old.cloudManaged() != group.isCloudManaged()
                || !Objects.equals(old.onPremisesAnchor(), group.onPremisesAnchor());
        if (changed) {
            jdbc.sql("UPDATE writeback_group SET display_name = ?, description = ?, refusal = ?, kind = ?, "
                            + "is_cloud_managed = ?, on_premises_anchor = ?, cloud_version = cloud_version + 1, "
                            + "updated_at = ? WHERE group_id = ?")
                    .params(displayName, description, refusal, group.kind().name(), group.isCloudManaged(),
                            group.onPremisesAnchor(), now(), group.id())
                    .update();
        }
    }

    private static String refusal(String attribute, String value) {
        try {
            WriteBackNames.requireWritable(attribute, value);
            return null;
        } catch (WriteBackNames.UnwritableNameException e) {
            return e.getMessage();
        }
    }

    /** PostgreSQL text holds no NUL: it is kept as the six characters {@code \u0000}. */
    private static String storable(String value) {
        return value == null ? null : value.replace("\0", "\\u0000");
    }

    public void changeSourceOfAuthority(String groupId, boolean cloudManaged) {
        jdbc.sql("UPDATE writeback_group SET is_cloud_managed = ?, cloud_version = cloud_version + 1, updated_at = ? "
                        + "WHERE group_id = ? AND is_cloud_managed <> ?")
                .params(cloudManaged, now(), groupId, cloudManaged).update();
    }

    /** Adds members of a tracked group; members of groups write-back does not track are not kept. */
    public void addMembers(String groupId, List<DirectoryObjectRef> members) {
        if (bump(groupId)) {
            batch.batchUpdate("INSERT INTO writeback_cloud_member (group_id, member_id, member_type) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", members.stream()
                    .map(m -> new Object[] {groupId, m.id(), m.type()}).toList());
        }
    }

    public void removeMembers(String groupId, List<DirectoryObjectRef> members) {
        if (bump(groupId)) {
            batch.batchUpdate("DELETE FROM writeback_cloud_member WHERE group_id = ? AND member_id = ?",
                    members.stream().map(m -> new Object[] {groupId, m.id()}).toList());
        }
    }

    /** The group is gone, and with it its memberships, its own and those it had in other groups. */
    public void markDeleted(String groupId) {
        List<String> parents = jdbc.sql("SELECT group_id FROM writeback_cloud_member WHERE member_id = ?")
                .param(groupId).query(String.class).list();
        jdbc.sql("DELETE FROM writeback_cloud_member WHERE member_id = ? OR group_id = ?").params(groupId, groupId).update();
        parents.forEach(this::bump);
        jdbc.sql("UPDATE writeback_group SET deleted = TRUE, cloud_version = cloud_version + 1, updated_at = ? "
                + "WHERE group_id = ?").params(now(), groupId).update();
    }

    private boolean bump(String groupId) {
        return jdbc.sql("UPDATE writeback_group SET cloud_version = cloud_version + 1, updated_at = ? WHERE group_id = ?")
                .params(now(), groupId).update() > 0;
    }

    /** The tracked groups that list {@code groupId} among their cloud members. */
    public List<String> parentsOf(String groupId) {
        return jdbc.sql("SELECT group_id FROM writeback_cloud_member WHERE member_id = ?").param(groupId)
                .query(String.class).list();
    }

    public List<String> cloudMemberIds(String groupId) {
        return jdbc.sql("SELECT member_id FROM writeback_cloud_member WHERE group_id = ? ORDER BY member_id")
                .param(groupId).query(String.class).list();
    }

    // ---- a run

    /**
     * Groups a run looks at: changed since they were last handled, failed, or not in scope at the last run (the
     * scope may have been changed since); a held group only once deleted in the cloud; never one whose deletion is
     * done.
     */
    public List<WriteBackGroup> due() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM writeback_group WHERE status NOT IN ('Deleted', 'LeftInAd') "
                        + "AND (deleted OR status <> 'Held') AND (handled_version IS NULL OR cloud_version > handled_version OR status IN ('Failed', 'OutOfScope')) "
                        + "ORDER BY group_id")
                .query(WriteBackStore::group).list();
    }

    /**
     * The cloud's members of a group, each with what AD knows of it: a user's DN from the connector space (AD-backed
     * users only), a group's AD DN if write-back wrote it, and whether a group is mastered by AD.
     */
    public List<CloudMember> cloudMembers(String groupId) {
        return jdbc.sql("SELECT m.member_id, m.member_type, cs.object_type, cs.distinguished_name, "
                        + "cs.block_on_premises_sync, wg.ad_dn, wg.deleted, wg.last_written_at "
                        + "FROM writeback_cloud_member m "
                        + "LEFT JOIN connector_space cs ON cs.cloud_id = m.member_id "
                        + "LEFT JOIN writeback_group wg ON wg.group_id = m.member_id "
                        + "WHERE m.group_id = ?")
                .param(groupId)
                .query((rs, row) -> {
                    String id = rs.getString("member_id");
                    boolean group = DirectoryObjectRef.GROUP.equals(rs.getString("member_type"));
                    String objectType = rs.getString("object_type");
                    String connectorDn = rs.getString("distinguished_name");
                    if (!group) {
                        return "user".equals(objectType) && connectorDn != null
                                ? CloudMember.writable(id, connectorDn) : CloudMember.notInAd(id);
                    }
                    if (rs.getString("ad_dn") != null && !rs.getBoolean("deleted")
                            && rs.getObject("last_written_at") != null) {
                        return CloudMember.writable(id, rs.getString("ad_dn"));
                    }
                    if ("group".equals(objectType) && connectorDn != null && !rs.getBoolean("block_on_premises_sync")) {
                        return CloudMember.adMastered(id, connectorDn);
                    }
                    return CloudMember.notInAd(id);
                })
                .list();
    }

    /** AD's member values (normalized DNs) after write-back's last write. */
    public Set<String> baseline(String groupId) {
        return new HashSet<>(jdbc.sql("SELECT member_dn FROM writeback_ad_member WHERE group_id = ?")
                .param(groupId).query(String.class).list());
    }

    public void changeBaseline(String groupId, Collection<String> added, Collection<String> removed) {
        batch.batchUpdate("DELETE FROM writeback_ad_member WHERE group_id = ? AND member_dn = ?",
                removed.stream().map(dn -> new Object[] {groupId, dn}).toList());
        batch.batchUpdate("INSERT INTO writeback_ad_member (group_id, member_dn) VALUES (?, ?) ON CONFLICT DO NOTHING",
                added.stream().map(dn -> new Object[] {groupId, dn}).toList());
    }

    public void clearBaseline(String groupId) {
        jdbc.sql("DELETE FROM writeback_ad_member WHERE group_id = ?").param(groupId).update();
    }

    /** A written group was renamed: other groups' baselines hold its new DN now, as AD's member values do. */
    public void renameInBaselines(String oldDn, String newDn) {
        jdbc.sql("UPDATE writeback_ad_member SET member_dn = ? WHERE member_dn = ?").params(newDn, oldDn).update();
    }

    public void recordWritten(WriteBackGroup group, String adObjectGuid, String adDn, String writtenDisplayName,
                              String writtenDescription, int membersSkipped) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE writeback_group SET status = ?, handled_version = ?, ad_object_guid = ?, ad_dn = ?, "
                        + "written_display_name = ?, written_description = ?, members_skipped = ?, last_error = NULL, "
                        + "attempts = 0, last_attempt_at = ?, last_written_at = ?, updated_at = ? WHERE group_id = ?")
                .params(WriteBackStatus.WRITTEN.toString(), group.cloudVersion(), adObjectGuid, adDn,
                        writtenDisplayName, writtenDescription, membersSkipped, now, now, now, group.groupId())
                .update();
    }

    /** The AD group is known (found or created) before its members are written: a retry finds it again. */
    public void recordAdGroup(String groupId, String adObjectGuid, String adDn) {
        jdbc.sql("UPDATE writeback_group SET ad_object_guid = ?, ad_dn = ?, updated_at = ? WHERE group_id = ?")
                .params(adObjectGuid, adDn, now(), groupId).update();
    }

    public void recordFailure(String groupId, String error) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE writeback_group SET status = ?, last_error = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "updated_at = ? WHERE group_id = ?")
                .params(WriteBackStatus.FAILED.toString(), truncate(error), now, now, groupId).update();
    }

    /** Refused: not tried again until the cloud changes the group. */
    public void recordHandled(WriteBackGroup group, WriteBackStatus status, String reason) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE writeback_group SET status = ?, handled_version = ?, last_error = ?, last_attempt_at = ?, "
                        + "updated_at = ? WHERE group_id = ?")
                .params(status.toString(), group.cloudVersion(), truncate(reason), now, now, group.groupId()).update();
    }

    /**
     * Not written back (any more): write-back stops managing the AD group, if it wrote one. Its baseline goes, so if
     * the group comes back in scope (e.g. SOA moved to the cloud again after a rollback) AD's values at that time are
     * taken as they are, not reported as drift: while out of scope, AD changes are nobody's drift.
     */
    public void recordOutOfScope(WriteBackGroup group, String reason) {
        recordHandled(group, WriteBackStatus.OUT_OF_SCOPE, reason);
        if (group.everWritten()) {
            clearBaseline(group.groupId());
            jdbc.sql("UPDATE writeback_group SET last_written_at = NULL WHERE group_id = ?").param(group.groupId()).update();
        }
    }

    /** The cloud group was deleted: its rows go; the row stays with its final status. */
    public void recordGone(WriteBackGroup group, WriteBackStatus status, String note) {
        recordHandled(group, status, note);
        clearBaseline(group.groupId());
    }

    // ---- drift

    public void recordDrift(WriteBackGroup group, String adDn, Collection<String> addedInAd,
                            Collection<String> removedInAd, List<String> changedAttributes, String driftId) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE writeback_group SET status = ?, last_error = ?, last_attempt_at = ?, updated_at = ? "
                        + "WHERE group_id = ?")
                .params(WriteBackStatus.HELD.toString(), "changed directly in AD; held until the drift is resolved",
                        now, now, group.groupId()).update();
        jdbc.sql("INSERT INTO writeback_drift (id, group_id, display_name, ad_dn, detected_at, members_added_in_ad, "
                        + "members_removed_in_ad, changed_attributes, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Open')")
                .params(driftId, group.groupId(), group.displayName(), adDn, now, lines(addedInAd), lines(removedInAd),
                        lines(changedAttributes))
                .update();
    }

    /** Drift reports, newest first, after the given sequence number when one is given; open ones only on request. */
    public List<DriftReport> drifts(boolean openOnly, Long beforeSeq, int limit) {
        String where = (openOnly ? " WHERE status = 'Open'" : " WHERE 1 = 1") + (beforeSeq == null ? "" : " AND seq < ?");
        var statement = jdbc.sql("SELECT seq, id, group_id, display_name, ad_dn, detected_at, members_added_in_ad, "
                + "members_removed_in_ad, changed_attributes, status, resolved_at, resolved_by FROM writeback_drift"
                + where + " ORDER BY seq DESC LIMIT ?");
        statement = beforeSeq == null ? statement.param(limit) : statement.params(beforeSeq, limit);
        return statement.query(this::drift).list();
    }

    /**
     * Resolves the group's open drift: the cloud wins. Its baseline is forgotten and it is due again, so the next run
     * writes the cloud's members and values over AD's (as a first write does). False when nothing was open.
     */
    public boolean resolveDrift(String groupId, String resolvedBy) {
        OffsetDateTime now = now();
        int resolved = jdbc.sql("UPDATE writeback_drift SET status = 'Resolved', resolved_at = ?, resolved_by = ? "
                        + "WHERE group_id = ? AND status = 'Open'")
                .params(now, resolvedBy, groupId).update();
        if (resolved == 0) {
            return false;
        }
        clearBaseline(groupId);
        jdbc.sql("UPDATE writeback_group SET status = ?, last_error = NULL, last_written_at = NULL, handled_version = NULL, "
                        + "updated_at = ? WHERE group_id = ?")
                .params(WriteBackStatus.PENDING.toString(), now, groupId).update();
        return true;
    }

    // ---- the event feed's position

    public Optional<Long> position(String topic, int partition) {
        return jdbc.sql("SELECT next_offset FROM writeback_event_position WHERE topic = ? AND partition_no = ?")
                .params(topic, partition).query(Long.class).optional();
    }

    public void savePosition(String topic, int partition, long nextOffset) {
        if (jdbc.sql("UPDATE writeback_event_position SET next_offset = ? WHERE topic = ? AND partition_no = ?")
                .params(nextOffset, topic, partition).update() == 0) {
            jdbc.sql("INSERT INTO writeback_event_position (topic, partition_no, next_offset) VALUES (?, ?, ?)")
                    .params(topic, partition, nextOffset).update();
        }
    }

    /** The sequence number of the last sync cycle that finished, or 0. */
    public long lastFinishedCycle() {
        Long seq = jdbc.sql("SELECT MAX(seq) FROM sync_cycle WHERE completed_at IS NOT NULL").query(Long.class).single();
        return seq == null ? 0 : seq;
    }

    private OffsetDateTime now() {
        return SqlTime.of(clock.instant());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private String lines(Collection<String> values) {
        return json.writeValueAsString(new ArrayList<>(values));
    }

    private List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : json.readValue(text, STRINGS);
    }

    private static WriteBackGroup group(ResultSet rs, int row) throws SQLException {
        long handled = rs.getLong("handled_version");
        return new WriteBackGroup(
                rs.getString("group_id"),
                rs.getString("display_name"),
                rs.getString("description"),
                GroupKind.valueOf(rs.getString("kind")),
                rs.getBoolean("is_cloud_managed"),
                rs.getString("on_premises_anchor"),
                rs.getBoolean("deleted"),
                rs.getString("refusal"),
                rs.getLong("cloud_version"),
                rs.wasNull() ? null : handled,
                rs.getString("ad_object_guid"),
                rs.getString("ad_dn"),
                rs.getString("written_display_name"),
                rs.getString("written_description"),
                WriteBackStatus.fromWireName(rs.getString("status")),
                rs.getString("last_error"),
                rs.getInt("attempts"),
                rs.getInt("members_skipped"),
                SqlTime.read(rs, "last_attempt_at"),
                SqlTime.read(rs, "last_written_at"));
    }

    private DriftReport drift(ResultSet rs, int row) throws SQLException {
        Instant resolvedAt = SqlTime.read(rs, "resolved_at");
        return new DriftReport(rs.getLong("seq"), rs.getString("id"), rs.getString("group_id"),
                rs.getString("display_name"), rs.getString("ad_dn"), SqlTime.read(rs, "detected_at"),
                split(rs.getString("members_added_in_ad")), split(rs.getString("members_removed_in_ad")),
                split(rs.getString("changed_attributes")), rs.getString("status"), resolvedAt,
                rs.getString("resolved_by"));
    }
}
