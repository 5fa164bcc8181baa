package dev.steward.directory.history;

import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.api.OwnersAdded;
import dev.steward.directory.group.api.OwnersRemoved;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * What a group looked like at an instant (DOMAIN.md section 7): its events up to that instant replayed, straight
 * from the event store (from the first event, never from a snapshot or the aggregate cache). Read models are not
 * involved, so the normal reads keep their speed.
 */
@Component
class GroupHistory {

    private final EventStorageEngine events;

    GroupHistory(EventStorageEngine events) {
        this.events = events;
    }

    /** The group as it was at {@code asOf}; empty if it did not exist yet or had been deleted by then. */
    Optional<GroupAsOf> at(String groupId, Instant asOf) {
        DomainEventStream stream = events.readEvents(groupId, 0);
        GroupState state = null;
        NavigableMap<String, ObjectType> members = new TreeMap<>();
        NavigableSet<String> owners = new TreeSet<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof GroupCreated created) {
                state = created.group();
            } else if (payload instanceof GroupUpdated updated) {
                state = updated.group();
            } else if (payload instanceof SourceOfAuthoritySwitched switched && state != null) {
                state = state.withSourceOfAuthority(switched.isCloudManaged(), switched.onPremisesSyncEnabled());
            } else if (payload instanceof MembersAdded added) {
                added.members().forEach(member -> members.put(member.id(), member.type()));
            } else if (payload instanceof MembersRemoved removed) {
                removed.members().stream().map(MemberRef::id).forEach(members::remove);
            } else if (payload instanceof OwnersAdded added) {
                owners.addAll(added.ownerIds());
            } else if (payload instanceof OwnersRemoved removed) {
                removed.ownerIds().forEach(owners::remove);
            } else if (payload instanceof GroupDeleted) {
                return Optional.empty();
            }
        }
        return state == null ? Optional.empty()
                : Optional.of(new GroupAsOf(state, Collections.unmodifiableNavigableMap(members),
                        Collections.unmodifiableNavigableSet(owners)));
    }

    /** A group at an instant: its properties, and its direct members and owners in id order. */
    record GroupAsOf(GroupState state, NavigableMap<String, ObjectType> members, NavigableSet<String> owners) {
    }
}
