package dev.steward.selfservice.directory;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.event.GroupKind;
import dev.steward.contracts.event.GroupSnapshot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The groups of the read model (tables {@code directory_group}, {@code directory_group_owner|member}). A group's
 * properties are replaced by snapshots; its owners and members change row by row, and adding a present row or
 * removing an absent one changes nothing.
 */
@Repository
public class GroupDirectory {

    private static final String COLUMNS =
            "id, display_name, kind, group_types, on_premises_sync_enabled, is_cloud_managed, on_premises_anchor, "
            + "join_policy";

    private final JdbcTemplate jdbc;

    public GroupDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownGroup> find(String groupId) {
        return load("SELECT " + COLUMNS + " FROM directory_group WHERE id = ?", groupId);
    }

    /** Reads the group and locks its row until the transaction ends: requests for one group are serialised. */
    public Optional<KnownGroup> findForUpdate(String groupId) {
        return load("SELECT " + COLUMNS + " FROM directory_group WHERE id = ? FOR UPDATE", groupId);
    }

    public List<String> ownerIds(String groupId) {
        return jdbc.queryForList("SELECT owner_id FROM directory_group_owner WHERE group_id = ? ORDER BY owner_id",
                String.class, groupId);
    }

    /** The group's direct members (users and groups). */
    public List<String> directMemberIds(String groupId) {
        return memberIds(groupId);
    }

    /** The approver group of the group's second approval stage, if its join policy has one. */
    public Optional<String> secondStageGroupId(String groupId) {
        return jdbc.queryForList("SELECT second_stage_group_id FROM directory_group WHERE id = ?", String.class, groupId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Sets (or, with null, removes) the approver group of the group's second approval stage. */
    public void setSecondStageGroupId(String groupId, String approverGroupId) {
        jdbc.update("UPDATE directory_group SET second_stage_group_id = ? WHERE id = ?", approverGroupId, groupId);
    }

    /** The versions of a group's state, with its row locked; empty for a group not seen yet. */
    Optional<GroupVersions> lockVersions(String groupId) {
        return jdbc.query("SELECT state_version, soa_version FROM directory_group WHERE id = ? FOR UPDATE",
                (rs, row) -> new GroupVersions(
                        Timestamps.fromColumn(rs.getObject("state_version", LocalDateTime.class)),
                        Timestamps.fromColumn(rs.getObject("soa_version", LocalDateTime.class))),
                groupId).stream().findFirst();
    }

    void insert(GroupSnapshot group, Instant version) {
        jdbc.update("INSERT INTO directory_group (id, display_name, mail_enabled, security_enabled, group_types, kind, "
                        + "on_premises_sync_enabled, is_cloud_managed, on_premises_anchor, state_version, soa_version, "
                        + "join_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                group.id(), group.displayName(), group.mailEnabled(), group.securityEnabled(),
                ContractJson.mapper().writeValueAsString(group.groupTypes()), group.kind().name(),
                group.onPremisesSyncEnabled(), group.isCloudManaged(), group.onPremisesAnchor(),
                Timestamps.toColumn(version), Timestamps.toColumn(version), JoinPolicy.defaultFor(group).wireName());
    }

    /** Sets how users join the group. */
    public void setJoinPolicy(String groupId, JoinPolicy policy) {
        jdbc.update("UPDATE directory_group SET join_policy = ? WHERE id = ?", policy.wireName(), groupId);
    }

    /**
     * Replaces the group's state; its Source of Authority fields only when {@code withSourceOfAuthority}. The
     * on-premises anchor is the group's identity in AD, not SOA state: any event that carries it records it, and an
     * anchor once known is kept (a group synced from AD stays so whatever its Source of Authority).
     */
    void update(GroupSnapshot group, Instant version, boolean withSourceOfAuthority) {
        jdbc.update("UPDATE directory_group SET display_name = ?, mail_enabled = ?, security_enabled = ?, "
                        + "group_types = ?, kind = ?, on_premises_anchor = COALESCE(?, on_premises_anchor), "
                        + "state_version = ? WHERE id = ?",
                group.displayName(), group.mailEnabled(), group.securityEnabled(),
                ContractJson.mapper().writeValueAsString(group.groupTypes()), group.kind().name(),
                group.onPremisesAnchor(), Timestamps.toColumn(version), group.id());
        if (withSourceOfAuthority) {
            updateSourceOfAuthority(group.id(), group.isCloudManaged(), group.onPremisesSyncEnabled(),
                    group.onPremisesAnchor(), version);
        }
    }

    /** Sets the group's Source of Authority fields, and its anchor when the event carries one. */
    void updateSourceOfAuthority(String groupId, boolean isCloudManaged, Boolean onPremisesSyncEnabled,
                                 String onPremisesAnchor, Instant version) {
        jdbc.update("UPDATE directory_group SET is_cloud_managed = ?, on_premises_sync_enabled = ?, "
                        + "on_premises_anchor = COALESCE(?, on_premises_anchor), soa_version = ? WHERE id = ?",
                isCloudManaged, onPremisesSyncEnabled, onPremisesAnchor, Timestamps.toColumn(version), groupId);
    }

    void addOwners(String groupId, Collection<String> ownerIds) {
        jdbc.batchUpdate("INSERT INTO directory_group_owner (group_id, owner_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rows(groupId, ownerIds));
    }

    void removeOwners(String groupId, Collection<String> ownerIds) {
        jdbc.batchUpdate("DELETE FROM directory_group_owner WHERE group_id = ? AND owner_id = ?", rows(groupId, ownerIds));
    }

    void addMembers(String groupId, Collection<String> memberIds) {
        jdbc.batchUpdate("INSERT INTO directory_group_member (group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rows(groupId, memberIds));
    }

    void removeMembers(String groupId, Collection<String> memberIds) {
        jdbc.batchUpdate("DELETE FROM directory_group_member WHERE group_id = ? AND member_id = ?",
                rows(groupId, memberIds));
    }

    /** Forgets the group, its owners and members, and its memberships in other groups; nothing for an unknown id. */
    void delete(String groupId) {
        jdbc.update("DELETE FROM directory_group_owner WHERE group_id = ?", groupId);
        jdbc.update("DELETE FROM directory_group_member WHERE group_id = ? OR member_id = ?", groupId, groupId);
        jdbc.update("DELETE FROM directory_group WHERE id = ?", groupId);
    }

    private static List<Object[]> rows(String groupId, Collection<String> ids) {
        return ids.stream().distinct().map(id -> new Object[] {groupId, id}).toList();
    }

    private Optional<KnownGroup> load(String sql, String groupId) {
        return jdbc.query(sql, (rs, row) -> {
            List<String> groupTypes = Arrays.asList(ContractJson.mapper().readValue(rs.getString("group_types"),
                    String[].class));
            return new KnownGroup(
                        rs.getString("id"),
                        rs.getString("display_name"),
                        GroupKind.valueOf(rs.getString("kind")),
                        groupTypes,
                        (Boolean) rs.getObject("on_premises_sync_enabled"),
                        rs.getBoolean("is_cloud_managed"),
                        rs.getString("on_premises_anchor"),
                        ownerIds(groupId),
                        memberIds(groupId),
                        JoinPolicy.fromWireName(rs.getString("join_policy"))
                                .orElse(groupTypes.contains("Unified") ? JoinPolicy.OPEN : JoinPolicy.CLOSED));
        }, groupId)
                .stream().findFirst();
    }

    private List<String> memberIds(String groupId) {
        return jdbc.queryForList("SELECT member_id FROM directory_group_member WHERE group_id = ? ORDER BY member_id",
                String.class, groupId);
    }

    /** When the group's state and its Source of Authority fields last changed (the events' occurredAt). */
    record GroupVersions(Instant state, Instant sourceOfAuthority) {
    }
}
