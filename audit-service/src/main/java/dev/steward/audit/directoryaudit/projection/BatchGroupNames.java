package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.projection.GroupNames.StoredGroup;
import dev.steward.contracts.event.GroupSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The group names as one batch of messages sees them, message after message: read up front for the groups the batch
 * names (a group it did not expect is read when first asked for), then changed in memory by each GroupCreated,
 * GroupUpdated and GroupDeleted of the batch, so a later message of the batch sees what an earlier one recorded, as
 * if each had been projected on its own. {@link #write()} stores the changes with JDBC batches in the batch's
 * transaction. One thread.
 */
final class BatchGroupNames implements GroupLookup {

    private final GroupNames names;
    /** Every group this batch has read or changed; an empty value: no row. */
    private final Map<String, Optional<StoredGroup>> groups = new HashMap<>();
    private final Set<String> deleted = new LinkedHashSet<>();
    private final Map<String, StoredGroup> recorded = new LinkedHashMap<>();

    /** Starts from {@code stored}, the rows of {@code read}: an id of {@code read} not in it has no row. */
    BatchGroupNames(GroupNames names, Collection<String> read, Map<String, StoredGroup> stored) {
        this.names = names;
        read.forEach(id -> groups.put(id, Optional.ofNullable(stored.get(id))));
    }

    /** Reads the groups of {@code groupIds} not read yet, in one query. */
    void expect(List<String> groupIds) {
        List<String> unknown = groupIds.stream().filter(id -> id != null && !groups.containsKey(id)).distinct()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, StoredGroup> stored = names.stored(unknown);
        unknown.forEach(id -> groups.put(id, Optional.ofNullable(stored.get(id))));
    }

    @Override
    public Optional<AuditedGroup> find(String groupId) {
        return current(groupId).map(StoredGroup::group);
    }

    /** Keeps the group's name and type as of {@code occurredAt}, unless a newer snapshot is known. */
    void record(GroupSnapshot group, Instant occurredAt) {
        StoredGroup snapshot = new StoredGroup(new AuditedGroup(group.id(), group.displayName(),
                DirectoryEventAudits.groupType(group.kind())), occurredAt.atOffset(ZoneOffset.UTC));
        Optional<StoredGroup> known = current(group.id());
        if (known.isPresent() && known.get().version().isAfter(snapshot.version())) {
            return;
        }
        groups.put(group.id(), Optional.of(snapshot));
        recorded.put(group.id(), snapshot);
    }

    void forget(String groupId) {
        groups.put(groupId, Optional.empty());
        recorded.remove(groupId);
        deleted.add(groupId);
    }

    /** Stores what the batch changed. */
    void write() {
        names.write(deleted, recorded.values());
    }

    private Optional<StoredGroup> current(String groupId) {
        if (!groups.containsKey(groupId)) {
            expect(List.of(groupId));
        }
        return groups.get(groupId);
    }
}
