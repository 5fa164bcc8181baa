package dev.steward.selfservice.directory;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.event.GroupKind;
import dev.steward.contracts.event.GroupSnapshot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The groups of the read model (tables {@code directory_group}, {@code directory_group_owner|member}). A group's
 * properties are replaced by snapshots; its owners and members change row by row, and adding a present row or
 * removing an absent one changes nothing.
 */
@Repository
public class GroupDirectory implements DirectMembership {

    private static final String COLUMNS =
            "id, display_name, kind, group_types, on_premises_sync_enabled, is_cloud_managed, on_premises_anchor, "
            + "join_policy";

    private static final int IN_LIST = 500;
    private static final String UPDATE_SOURCE_OF_AUTHORITY = "UPDATE directory_group SET is_cloud_managed = ?, "
            + "on_premises_sync_enabled = ?, on_premises_anchor = COALESCE(?, on_premises_anchor), soa_version = ? "
            + "WHERE id = ?";

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

    @Override
    public boolean isDirectMember(String groupId, String objectId) {
        if (objectId == null) {
            return false;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_group_member WHERE group_id = ? "
                + "AND member_id = ?", Integer.class, groupId, objectId);
        return count != null && count > 0;
    }

    /** The group's direct members (users and groups), sorted. */
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
        return Optional.ofNullable(lockVersions(List.of(groupId)).get(groupId));
    }

    /** The versions of these groups' state, their rows locked (in id order); groups not seen yet are missing. */
    Map<String, GroupVersions> lockVersions(Collection<String> groupIds) {
        Map<String, GroupVersions> versions = new HashMap<>();
        List<String> ids = groupIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            jdbc.query("SELECT id, state_version, soa_version FROM directory_group WHERE id IN (" + placeholders(chunk)
                            + ") ORDER BY id FOR UPDATE",
                    rs -> {
                        versions.put(rs.getString("id"), new GroupVersions(
                                Timestamps.fromColumn(rs.getObject("state_version", LocalDateTime.class)),
                                Timestamps.fromColumn(rs.getObject("soa_version", LocalDateTime.class))));
                    }, chunk.toArray());
        }
        return versions;
    }

    void insert(GroupSnapshot group, Instant version) {
        insertAll(List.of(new VersionedSnapshot(group, version)));
    }

    /** Records groups not seen before, each at its version, with the join policy its kind defaults to. */
    void insertAll(List<VersionedSnapshot> snapshots) {
        jdbc.batchUpdate("INSERT INTO directory_group (id, display_name, mail_enabled, security_enabled, group_types, "
                        + "kind, on_premises_sync_enabled, is_cloud_managed, on_premises_anchor, state_version, "
                        + "soa_version, join_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                snapshots.stream().map(snapshot -> {
                    GroupSnapshot group = snapshot.group();
                    return new Object[] {group.id(), group.displayName(), group.mailEnabled(), group.securityEnabled(),
                            ContractJson.mapper().writeValueAsString(group.groupTypes()), group.kind().name(),
                            group.onPremisesSyncEnabled(), group.isCloudManaged(), group.onPremisesAnchor(),
                            Timestamps.toColumn(snapshot.version()), Timestamps.toColumn(snapshot.version()),
                            JoinPolicy.defaultFor(group).wireName()};
                }).toList());
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
        VersionedSnapshot snapshot = new VersionedSnapshot(group, version);
        updateAll(List.of(snapshot));
        if (withSourceOfAuthority) {
            updateSourceOfAuthorityAll(List.of(snapshot));
        }
    }

    /** Replaces the groups' state (not their Source of Authority fields), each at its version. */
    void updateAll(List<VersionedSnapshot> snapshots) {
        jdbc.batchUpdate("UPDATE directory_group SET display_name = ?, mail_enabled = ?, security_enabled = ?, "
                        + "group_types = ?, kind = ?, on_premises_anchor = COALESCE(?, on_premises_anchor), "
                        + "state_version = ? WHERE id = ?",
                snapshots.stream().map(snapshot -> {
                    GroupSnapshot group = snapshot.group();
                    return new Object[] {group.displayName(), group.mailEnabled(), group.securityEnabled(),
                            ContractJson.mapper().writeValueAsString(group.groupTypes()), group.kind().name(),
                            group.onPremisesAnchor(), Timestamps.toColumn(snapshot.version()), group.id()};
                }).toList());
    }

    /** Sets the groups' Source of Authority fields from their snapshots, each at its version. */
    void updateSourceOfAuthorityAll(List<VersionedSnapshot> snapshots) {
        jdbc.batchUpdate(UPDATE_SOURCE_OF_AUTHORITY, snapshots.stream().map(snapshot -> new Object[] {
                snapshot.group().isCloudManaged(), snapshot.group().onPremisesSyncEnabled(),
                snapshot.group().onPremisesAnchor(), Timestamps.toColumn(snapshot.version()), snapshot.group().id()})
                .toList());
    }

    /** Sets the group's Source of Authority fields, and its anchor when the event carries one. */
    void updateSourceOfAuthority(String groupId, boolean isCloudManaged, Boolean onPremisesSyncEnabled,
                                 String onPremisesAnchor, Instant version) {
        jdbc.update(UPDATE_SOURCE_OF_AUTHORITY, isCloudManaged, onPremisesSyncEnabled, onPremisesAnchor,
                Timestamps.toColumn(version), groupId);
    }

    void addOwners(String groupId, Collection<String> ownerIds) {
        addOwners(relations(groupId, ownerIds));
    }

    void removeOwners(String groupId, Collection<String> ownerIds) {
        removeOwners(relations(groupId, ownerIds));
    }

    void addMembers(String groupId, Collection<String> memberIds) {
        addMembers(relations(groupId, memberIds));
    }

    void removeMembers(String groupId, Collection<String> memberIds) {
        removeMembers(relations(groupId, memberIds));
    }

    void addOwners(List<Relation> owners) {
        jdbc.batchUpdate("INSERT INTO directory_group_owner (group_id, owner_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rows(owners));
    }

    void removeOwners(List<Relation> owners) {
        jdbc.batchUpdate("DELETE FROM directory_group_owner WHERE group_id = ? AND owner_id = ?", rows(owners));
    }

    void addMembers(List<Relation> members) {
        jdbc.batchUpdate("INSERT INTO directory_group_member (group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rows(members));
    }

    void removeMembers(List<Relation> members) {
        jdbc.batchUpdate("DELETE FROM directory_group_member WHERE group_id = ? AND member_id = ?", rows(members));
    }

    /** Forgets the group, its owners and members, and its memberships in other groups; nothing for an unknown id. */
    void delete(String groupId) {
        jdbc.update("DELETE FROM directory_group_owner WHERE group_id = ?", groupId);
        jdbc.update("DELETE FROM directory_group_member WHERE group_id = ? OR member_id = ?", groupId, groupId);
        jdbc.update("DELETE FROM directory_group WHERE id = ?", groupId);
    }

    private static List<Relation> relations(String groupId, Collection<String> ids) {
        return ids.stream().distinct().map(id -> new Relation(groupId, id)).toList();
    }

    private static List<Object[]> rows(List<Relation> relations) {
        return relations.stream().map(relation -> new Object[] {relation.groupId(), relation.objectId()}).toList();
    }

    private static String placeholders(List<String> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
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

    /** A group's state as an event carried it, and the event's occurredAt. */
    record VersionedSnapshot(GroupSnapshot group, Instant version) {
    }

    /** An owner or a member (user or group) of a group. */
    record Relation(String groupId, String objectId) {
    }
}
