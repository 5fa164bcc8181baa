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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a group looked like at an instant (DOMAIN.md section 7): its events up to that instant replayed, straight
 * from the event store (from the first event, never from a snapshot or the aggregate cache). Read models are not
 * involved, so the normal reads keep their speed.
 *
 * <p>A deleted group leaves the groups it was a member of without a {@code MembersRemoved} event of theirs (the
 * membership read model drops it on {@code GroupDeleted}); the replay does the same with member groups whose
 * deletion came at or before the instant.
 */
@Component
class GroupHistory {

    /** Member group ids looked up at a time for their deletion. */
    private static final int DELETION_CHUNK = 500;

    private final EventStorageEngine events;
    private final NamedParameterJdbcTemplate jdbc;
    private final String groupDeletedType;

    GroupHistory(EventStorageEngine events, NamedParameterJdbcTemplate jdbc,
                 @Qualifier("eventSerializer") Serializer serializer) {
        this.events = events;
        this.jdbc = jdbc;
        this.groupDeletedType = serializer.typeForClass(GroupDeleted.class).getName();
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
        if (state == null) {
            return Optional.empty();
        }
        deletedBy(asOf, members.entrySet().stream().filter(member -> member.getValue() == ObjectType.GROUP)
                .map(Map.Entry::getKey).toList()).forEach(members::remove);
        return Optional.of(new GroupAsOf(state, Collections.unmodifiableNavigableMap(members),
                        Collections.unmodifiableNavigableSet(owners)));
    }

    /** The groups among {@code groupIds} deleted at or before {@code asOf}. */
    private List<String> deletedBy(Instant asOf, List<String> groupIds) {
        List<String> deleted = new ArrayList<>();
        for (int from = 0; from < groupIds.size(); from += DELETION_CHUNK) {
            jdbc.query("SELECT aggregate_identifier, time_stamp FROM domain_event_entry"
                            + " WHERE aggregate_identifier IN (:ids) AND payload_type = :type",
                    new MapSqlParameterSource("ids", groupIds.subList(from, Math.min(groupIds.size(),
                            from + DELETION_CHUNK))).addValue("type", groupDeletedType),
                    row -> {
                        if (!DateTimeUtils.parseInstant(row.getString("time_stamp")).isAfter(asOf)) {
                            deleted.add(row.getString("aggregate_identifier"));
                        }
                    });
        }
        return deleted;
    }

    /** A group at an instant: its properties, and its direct members and owners in id order. */
    record GroupAsOf(GroupState state, NavigableMap<String, ObjectType> members, NavigableSet<String> owners) {
    }
}
