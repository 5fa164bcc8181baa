package dev.steward.sync.connectorspace;

import dev.steward.sync.export.KnownObject;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.export.ObjectExport;
import dev.steward.sync.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connector space: one row per AD object. A cycle and the Source of Authority listener both change a row only
 * while holding its lock ({@link #lockOrCreate}), inside their own transaction, so a block and an export of the same
 * group never interleave. A group's exported members and owners are kept apart from its exported values: they change
 * only by the chunks the directory confirmed ({@link #applyMembership}).
 */
@Repository
public class ConnectorSpace {

    private static final String COLUMNS = "anchor, cloud_id, object_type, distinguished_name, display_name, "
            + "exported_hash, exported_values, exported_at, skipped_hash, block_on_premises_sync, pending_takeover, "
            + "soa_changed_at, last_cycle_id, updated_at, deleted_in_ad_at";

    private static final String MEMBER = "member";
    private static final String OWNER = "owner";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate createOnItsOwn;
    private final Clock clock;

    public ConnectorSpace(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.createOnItsOwn = new TransactionTemplate(transactions);
        this.createOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Locks the object's row for the current transaction, creating it first if the object is new. A new row is
     * committed on its own before it is locked: the directory's results of the commands sent while the lock is held
     * may be handled before the current transaction commits, and must find the row (and wait for its lock).
     */
    public ConnectorSpaceEntry lockOrCreate(String anchor, String cloudId, ObjectType type, String distinguishedName,
                                            String displayName) {
        Optional<ConnectorSpaceEntry> existing = lock(anchor);
        if (existing.isPresent()) {
            return existing.get();
        }
        createOnItsOwn.executeWithoutResult(status -> jdbc.sql("INSERT INTO connector_space (anchor, cloud_id, "
                        + "object_type, distinguished_name, display_name, block_on_premises_sync, pending_takeover, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?) ON CONFLICT DO NOTHING")
                .params(anchor, cloudId, type.wireName(), distinguishedName, displayName, now())
                .update());
        return lock(anchor).orElseThrow(() -> new IllegalStateException("connector space row " + anchor + " vanished"));
    }

    /** Locks the object's row for the current transaction; empty if the object is not in the connector space. */
    public Optional<ConnectorSpaceEntry> lock(String anchor) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE anchor = ? FOR UPDATE")
                .param(anchor).query(ConnectorSpace::entry).optional();
    }

    /**
     * Locks the rows of a batch of objects for the current transaction (in anchor order), creating the missing ones
     * first in one batched insert in the same transaction (a cycle sends a batch's commands only after it committed,
     * so no answer looks for a row before it exists).
     *
     * @return the locked entries by anchor
     */
    public Map<String, ConnectorSpaceEntry> lockOrCreate(List<? extends ObjectExport> objects) {
        if (objects.isEmpty()) {
            return Map.of();
        }
        List<String> anchors = List.copyOf(objects.stream().map(ObjectExport::anchor)
                .collect(Collectors.toCollection(TreeSet::new)));
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT anchor FROM connector_space WHERE anchor IN ("
                + placeholders(anchors.size()) + ")").params(anchors).query(String.class).list());
        Map<String, ObjectExport> missing = new TreeMap<>();
        objects.stream().filter(object -> !existing.contains(object.anchor()))
                .forEach(object -> missing.putIfAbsent(object.anchor(), object));
        if (!missing.isEmpty()) {
            OffsetDateTime now = now();
            batch.batchUpdate("INSERT INTO connector_space (anchor, cloud_id, object_type, distinguished_name, "
                            + "display_name, block_on_premises_sync, pending_takeover, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?) ON CONFLICT DO NOTHING",
                    missing.values().stream().map(object -> new Object[] {object.anchor(), object.cloudId(),
                            object.objectType().wireName(), object.distinguishedName(), object.displayName(), now})
                            .toList());
        }
        Map<String, ConnectorSpaceEntry> locked = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE anchor IN (" + placeholders(anchors.size())
                        + ") ORDER BY anchor FOR UPDATE").params(anchors).query(ConnectorSpace::entry).list()
                .forEach(entry -> locked.put(entry.anchor(), entry));
        for (String anchor : anchors) {
            if (!locked.containsKey(anchor)) {
                throw new IllegalStateException("connector space row " + anchor + " vanished");
            }
        }
        return locked;
    }

    /**
     * The values were exported: they are what the cloud holds now, and a pending takeover is done. One batched update;
     * call on rows locked by {@link #lockOrCreate(List)}.
     */
    public void recordExports(List<Exported> exports) {
        if (exports.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        batch.batchUpdate("UPDATE connector_space SET distinguished_name = ?, display_name = ?, exported_hash = ?, "
                        + "exported_values = ?, exported_at = ?, skipped_hash = NULL, pending_takeover = FALSE, "
                        + "deleted_in_ad_at = NULL, last_cycle_id = ?, updated_at = ? WHERE anchor = ?",
                exports.stream().map(e -> new Object[] {e.distinguishedName(), e.displayName(), e.hash(), e.json(),
                        now, e.cycleId(), now, e.anchor()}).toList());
    }

    /**
     * The objects were read and their values are the exported ones, but their row is stale: a new DN, a withheld
     * change that AD undid, or a deletion mark of an object that is back. One batched update.
     */
    public void recordSeen(List<Seen> seen) {
        if (seen.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE connector_space SET distinguished_name = ?, skipped_hash = NULL, "
                        + "deleted_in_ad_at = NULL, last_cycle_id = ? WHERE anchor = ?",
                seen.stream().map(s -> new Object[] {s.distinguishedName(), s.cycleId(), s.anchor()}).toList());
    }

    /** {@link #recordSeen(List)} of one object. */
    public void recordSeen(String anchor, String distinguishedName, String cycleId) {
        recordSeen(List.of(new Seen(anchor, distinguishedName, cycleId)));
    }

    /** Values exported by {@code cycleId}, with the hash ({@link dev.steward.sync.export.ExportedValues}) and JSON. */
    public record Exported(String anchor, String distinguishedName, String displayName, String hash, String json,
                           String cycleId) {
    }

    /** An object {@code cycleId} read unchanged whose row needs {@link #recordSeen}. */
    public record Seen(String anchor, String distinguishedName, String cycleId) {
    }

    /** AD's values were withheld because the Source of Authority is in the cloud. */
    public void recordSkip(String anchor, String distinguishedName, String displayName, String skippedHash, String cycleId) {
        jdbc.sql("UPDATE connector_space SET distinguished_name = ?, display_name = ?, skipped_hash = ?, "
                        + "deleted_in_ad_at = NULL, last_cycle_id = ?, updated_at = ? WHERE anchor = ?")
                .params(distinguishedName, displayName, skippedHash, cycleId, now(), anchor).update();
    }

    /**
     * The AD object was deleted (tombstone) or left the scope: its cloud object's deletion is pending. Call on a
     * locked row.
     */
    public void recordDeletedInAd(String anchor, String cycleId) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE connector_space SET deleted_in_ad_at = ?, last_cycle_id = ?, updated_at = ? WHERE anchor = ?")
                .params(now, cycleId, now, anchor).update();
    }

    /**
     * Objects a Delta cycle reads even when AD reports no change: never exported or whose export the directory
     * rejected, and rolled-back groups awaiting takeover. Blocked and deleted objects are left out.
     */
    public List<String> anchorsAwaitingExport() {
        return jdbc.sql("SELECT anchor FROM connector_space WHERE (exported_hash IS NULL OR pending_takeover = TRUE) "
                        + "AND block_on_premises_sync = FALSE AND deleted_in_ad_at IS NULL ORDER BY anchor")
                .query(String.class).list();
    }

    /** Anchors of every object not deleted in AD: what a full read must find again (else it was deleted). */
    public List<String> anchorsNotDeletedInAd() {
        return jdbc.sql("SELECT anchor FROM connector_space WHERE deleted_in_ad_at IS NULL").query(String.class).list();
    }

    /** Every object not deleted in AD, with its last known DN: what a Delta resolves member DNs against. */
    public List<KnownObject> knownObjects() {
        return jdbc.sql("SELECT cloud_id, object_type, distinguished_name FROM connector_space "
                        + "WHERE deleted_in_ad_at IS NULL AND distinguished_name IS NOT NULL")
                .query((rs, row) -> new KnownObject(rs.getString("cloud_id"),
                        ObjectType.fromWireName(rs.getString("object_type")), rs.getString("distinguished_name")))
                .list();
    }

    /**
     * The group's Source of Authority moved to the cloud (block) or back to AD (unblock and take over at the next
     * cycle). Call on a row locked by {@link #lockOrCreate}.
     */
    public void changeSourceOfAuthority(String anchor, boolean cloudManaged, Instant changedAt) {
        jdbc.sql("UPDATE connector_space SET block_on_premises_sync = ?, pending_takeover = ?, soa_changed_at = ?, "
                        + "updated_at = ? WHERE anchor = ?")
                .params(cloudManaged, !cloudManaged, SqlTime.of(changedAt), now(), anchor).update();
    }

    /**
     * A switch the sync engine learnt of other than by its event (a refused export, the directory's list), known to be
     * true at {@code knownAt}: applied under the row's lock unless the entry is already so, or a switch applied since
     * (its event's time is {@code knownAt} or later) says otherwise.
     *
     * @return the entry as it was, if the switch was applied
     */
    public Optional<ConnectorSpaceEntry> switchIfNotNewer(String anchor, boolean cloudManaged, Instant knownAt) {
        return lock(anchor)
                .filter(entry -> entry.blockOnPremisesSync() != cloudManaged)
                .filter(entry -> entry.sourceOfAuthorityChangedAt() == null
                        || entry.sourceOfAuthorityChangedAt().isBefore(knownAt))
                .map(entry -> {
                    changeSourceOfAuthority(anchor, cloudManaged, knownAt);
                    return entry;
                });
    }

    /**
     * The directory rejected an export: the entry gets back the values it held before it (what the directory kept)
     * and no exported hash, so the next cycle considers the object changed (and a Delta reads it again). Only an export
     * with that hash is undone; a later one stays. Waits for the row's lock: the rejection may arrive while the cycle
     * still holds the row, before it recorded this export (a statement started earlier would not see it).
     */
    public boolean undoExport(String anchor, String rejectedHash, String previousValues) {
        lock(anchor);
        return jdbc.sql("UPDATE connector_space SET exported_hash = NULL, exported_values = ?, updated_at = ? "
                        + "WHERE anchor = ? AND exported_hash = ?")
                .params(previousValues, now(), anchor, rejectedHash).update() > 0;
    }

    /** The members and owners the directory confirmed of each of {@code anchors} that has any, in one query. */
    public Map<String, Membership> exportedMemberships(Collection<String> anchors) {
        if (anchors.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> members = new HashMap<>();
        Map<String, List<String>> owners = new HashMap<>();
        jdbc.sql("SELECT anchor, relation, cloud_id FROM exported_reference WHERE anchor IN ("
                        + placeholders(anchors.size()) + ")").params(List.copyOf(anchors))
                .query(rs -> {
                    (OWNER.equals(rs.getString("relation")) ? owners : members)
                            .computeIfAbsent(rs.getString("anchor"), anchor -> new ArrayList<>())
                            .add(rs.getString("cloud_id"));
                });
        Map<String, Membership> memberships = new HashMap<>();
        Set<String> groups = new HashSet<>(members.keySet());
        groups.addAll(owners.keySet());
        for (String anchor : groups) {
            memberships.put(anchor, new Membership(members.getOrDefault(anchor, List.of()),
                    owners.getOrDefault(anchor, List.of())));
        }
        return memberships;
    }

    /** The group's members and owners the directory confirmed; none before its first confirmed chunk. */
    public Membership exportedMembership(String anchor) {
        List<String> members = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        jdbc.sql("SELECT relation, cloud_id FROM exported_reference WHERE anchor = ?").param(anchor)
                .query(rs -> {
                    (OWNER.equals(rs.getString("relation")) ? owners : members).add(rs.getString("cloud_id"));
                });
        return new Membership(members, owners);
    }

    /**
     * Locks the rows of {@code anchors} that exist for the current transaction, in anchor order (the order every
     * batch locks its rows in, so two never deadlock).
     *
     * @return the locked entries by anchor
     */
    public Map<String, ConnectorSpaceEntry> lock(Collection<String> anchors) {
        if (anchors.isEmpty()) {
            return Map.of();
        }
        List<String> sorted = List.copyOf(new TreeSet<>(anchors));
        Map<String, ConnectorSpaceEntry> locked = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE anchor IN (" + placeholders(sorted.size())
                        + ") ORDER BY anchor FOR UPDATE").params(sorted).query(ConnectorSpace::entry).list()
                .forEach(entry -> locked.put(entry.anchor(), entry));
        return locked;
    }

    /**
     * The directory applied these chunks of membership differences, in this order: the cloud holds them now. One
     * batched insert of the references added, one batched delete of those removed (an id added by one chunk and
     * removed by a later one ends as the later says) and one update of the groups' rows. Call on rows locked by
     * {@link #lock(Collection)}, so it lands after the export of a group that is in progress.
     */
    public void applyMemberships(List<AppliedChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        Map<List<String>, Boolean> added = new LinkedHashMap<>();
        for (AppliedChunk chunk : chunks) {
            MembershipChange change = chunk.change();
            change.addedMemberIds().forEach(id -> added.put(List.of(chunk.anchor(), MEMBER, id), true));
            change.removedMemberIds().forEach(id -> added.put(List.of(chunk.anchor(), MEMBER, id), false));
            change.addedOwnerIds().forEach(id -> added.put(List.of(chunk.anchor(), OWNER, id), true));
            change.removedOwnerIds().forEach(id -> added.put(List.of(chunk.anchor(), OWNER, id), false));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        added.forEach((reference, add) -> (add ? inserts : deletes).add(reference.toArray()));
        if (!inserts.isEmpty()) {
            batch.batchUpdate("INSERT INTO exported_reference (anchor, relation, cloud_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", inserts);
        }
        if (!deletes.isEmpty()) {
            batch.batchUpdate("DELETE FROM exported_reference WHERE anchor = ? AND relation = ? AND cloud_id = ?",
                    deletes);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(now());
        chunks.stream().map(AppliedChunk::anchor).distinct().forEach(parameters::add);
        jdbc.sql("UPDATE connector_space SET updated_at = ? WHERE anchor IN (" + placeholders(parameters.size() - 1)
                + ")").params(parameters).update();
    }

    /** A chunk of a group's membership differences the directory applied. */
    public record AppliedChunk(String anchor, MembershipChange change) {
    }

    /**
     * The licence SKU ids the sync engine added to each of {@code anchors} (users) and the directory confirmed, in one
     * query; users without any are left out.
     */
    public Map<String, Set<String>> exportedLicences(Collection<String> anchors) {
        if (anchors.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> licences = new HashMap<>();
        jdbc.sql("SELECT anchor, sku_id FROM exported_licence WHERE anchor IN (" + placeholders(anchors.size()) + ")")
                .params(List.copyOf(anchors))
                .query(rs -> {
                    licences.computeIfAbsent(rs.getString("anchor"), anchor -> new TreeSet<>())
                            .add(rs.getString("sku_id"));
                });
        return licences;
    }

    /** The licences the sync engine added to the user, confirmed by the directory; none before the first. */
    public Set<String> exportedLicences(String anchor) {
        return exportedLicences(List.of(anchor)).getOrDefault(anchor, Set.of());
    }

    /**
     * The directory applied (or already held) a licence change of the user: {@code added} become exported licences,
     * {@code removed} are exported no longer. Call on a locked row.
     */
    public void applyLicences(String anchor, Collection<String> added, Collection<String> removed) {
        if (!added.isEmpty()) {
            batch.batchUpdate("INSERT INTO exported_licence (anchor, sku_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    added.stream().map(sku -> new Object[] {anchor, sku}).toList());
        }
        if (!removed.isEmpty()) {
            batch.batchUpdate("DELETE FROM exported_licence WHERE anchor = ? AND sku_id = ?",
                    removed.stream().map(sku -> new Object[] {anchor, sku}).toList());
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            jdbc.sql("UPDATE connector_space SET updated_at = ? WHERE anchor = ?").params(now(), anchor).update();
        }
    }

    /** The object's cloud copy was deleted: its entry, exported membership and licences go. */
    public void remove(String anchor) {
        jdbc.sql("DELETE FROM exported_licence WHERE anchor = ?").param(anchor).update();
        jdbc.sql("DELETE FROM exported_reference WHERE anchor = ?").param(anchor).update();
        jdbc.sql("DELETE FROM connector_space WHERE anchor = ?").param(anchor).update();
    }

    /** Groups whose Source of Authority is in the cloud, as the sync engine knows them. */
    public List<ConnectorSpaceEntry> blockedGroups() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE block_on_premises_sync = TRUE")
                .query(ConnectorSpace::entry).list();
    }

    public Optional<ConnectorSpaceEntry> findByCloudId(String cloudId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE cloud_id = ?")
                .param(cloudId).query(ConnectorSpace::entry).optional();
    }

    public Optional<ConnectorSpaceEntry> findByAnchor(String anchor) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE anchor = ?")
                .param(anchor).query(ConnectorSpace::entry).optional();
    }

    /** Entries ordered by cloud id, after {@code afterCloudId} when given. */
    public List<ConnectorSpaceEntry> page(String afterCloudId, int limit) {
        return afterCloudId == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM connector_space ORDER BY cloud_id LIMIT ?")
                .param(limit).query(ConnectorSpace::entry).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM connector_space WHERE cloud_id > ? ORDER BY cloud_id LIMIT ?")
                .params(afterCloudId, limit).query(ConnectorSpace::entry).list();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private OffsetDateTime now() {
        return SqlTime.of(clock.instant());
    }

    private static ConnectorSpaceEntry entry(ResultSet rs, int row) throws SQLException {
        return new ConnectorSpaceEntry(
                rs.getString("anchor"),
                rs.getString("cloud_id"),
                ObjectType.fromWireName(rs.getString("object_type")),
                rs.getString("distinguished_name"),
                rs.getString("display_name"),
                rs.getString("exported_hash"),
                rs.getString("exported_values"),
                SqlTime.read(rs, "exported_at"),
                rs.getString("skipped_hash"),
                rs.getBoolean("block_on_premises_sync"),
                rs.getBoolean("pending_takeover"),
                SqlTime.read(rs, "soa_changed_at"),
                rs.getString("last_cycle_id"),
                SqlTime.read(rs, "updated_at"),
                SqlTime.read(rs, "deleted_in_ad_at"));
    }
}
