package dev.steward.selfservice.directory;

import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.UserSynced;
import dev.steward.selfservice.directory.GroupDirectory.Relation;
import dev.steward.selfservice.directory.GroupDirectory.VersionedSnapshot;
import dev.steward.selfservice.directory.UserDirectory.VersionedUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run of a poll's events that can be written together: group snapshots, user syncs, owner and member changes.
 * It keeps each group's and each user's snapshots in the order they arrived (their versions are compared when they
 * are written), and for every owner and member row only whether it is there at the end: adding a present row and
 * removing an absent one change nothing, so the last change of a row decides it. Groups whose owners changed are
 * announced once, after the run is written, with the last such event's initiator and correlation id.
 */
final class ReadModelSegment {

    private final Map<String, List<VersionedSnapshot>> snapshots = new LinkedHashMap<>();
    private final Map<String, List<VersionedUser>> users = new LinkedHashMap<>();
    private final Map<Relation, Boolean> owners = new LinkedHashMap<>();
    private final Map<Relation, Boolean> members = new LinkedHashMap<>();
    private final Map<String, IntegrationEvent> ownerChanges = new LinkedHashMap<>();

    /** Takes the event into the run; false for an event that must be applied alone (after the run is written). */
    boolean add(IntegrationEvent event, Instant at) {
        if (event instanceof GroupCreated created) {
            snapshot(new VersionedSnapshot(created.group(), at));
        } else if (event instanceof GroupUpdated updated) {
            snapshot(new VersionedSnapshot(updated.group(), at));
        } else if (event instanceof UserSynced synced) {
            users.computeIfAbsent(synced.userId(), id -> new ArrayList<>()).add(new VersionedUser(
                    new KnownUser(synced.userId(), synced.userPrincipalName(), synced.displayName()), at));
        } else if (event instanceof OwnersAdded added) {
            added.ownerIds().forEach(owner -> owners.put(new Relation(added.groupId(), owner), true));
            ownerChanges.put(added.groupId(), event);
        } else if (event instanceof OwnersRemoved removed) {
            removed.ownerIds().forEach(owner -> owners.put(new Relation(removed.groupId(), owner), false));
            ownerChanges.put(removed.groupId(), event);
        } else if (event instanceof MembersAdded added) {
            added.members().forEach(member -> members.put(new Relation(added.groupId(), member.id()), true));
        } else if (event instanceof MembersRemoved removed) {
            removed.members().stream().map(DirectoryObjectRef::id)
                    .forEach(member -> members.put(new Relation(removed.groupId(), member), false));
        } else {
            return false;
        }
        return true;
    }

    private void snapshot(VersionedSnapshot snapshot) {
        snapshots.computeIfAbsent(snapshot.group().id(), id -> new ArrayList<>()).add(snapshot);
    }

    boolean isEmpty() {
        return snapshots.isEmpty() && users.isEmpty() && owners.isEmpty() && members.isEmpty()
                && ownerChanges.isEmpty();
    }

    /** Each group's snapshots in the order they arrived. */
    Map<String, List<VersionedSnapshot>> snapshots() {
        return snapshots;
    }

    /** Each user's syncs in the order they arrived. */
    Map<String, List<VersionedUser>> users() {
        return users;
    }

    /** The owner rows that are there ({@code present}) or gone after the run. */
    List<Relation> owners(boolean present) {
        return rows(owners, present);
    }

    /** The member rows that are there ({@code present}) or gone after the run. */
    List<Relation> members(boolean present) {
        return rows(members, present);
    }

    /** The groups whose owners changed, with the last event that changed them. */
    Map<String, IntegrationEvent> ownerChanges() {
        return ownerChanges;
    }

    void clear() {
        snapshots.clear();
        users.clear();
        owners.clear();
        members.clear();
        ownerChanges.clear();
    }

    private static List<Relation> rows(Map<Relation, Boolean> rows, boolean present) {
        return rows.entrySet().stream().filter(row -> row.getValue() == present).map(Map.Entry::getKey).toList();
    }
}
