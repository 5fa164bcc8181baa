package dev.steward.directory.history;

import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.group.web.GroupRepresentation;
import dev.steward.directory.history.DeltaCursor.Resource;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserUpdated;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.directory.user.web.UserRepresentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Graph's delta queries on groups and users, answered from the read models (first round) and the event store (every
 * later round). Pages are bounded twice: at most {@code $top} objects, and at most {@value #MEMBERS_PER_PAGE}
 * {@code members@delta} entries (a group with more members, or a bigger membership change, goes on over several
 * pages, the group appearing on each, as Graph does). A change round ends at the event store position settled when
 * it started, so a busy directory cannot keep a round from ending.
 */
@Service
class DeltaQueries {

    /** The {@code $select} name that asks for {@code members@delta}. */
    static final String MEMBERS = "members";
    static final int MEMBERS_PER_PAGE = 1000;
    /** Events read from the store at a time. */
    private static final int EVENT_CHUNK = 100;

    private static final List<Class<?>> GROUP_CHANGES = List.of(GroupCreated.class, GroupUpdated.class,
            SourceOfAuthoritySwitched.class, GroupDeleted.class);
    private static final List<Class<?>> MEMBER_CHANGES = List.of(MembersAdded.class, MembersRemoved.class);
    private static final List<Class<?>> USER_CHANGES = List.of(UserCreated.class, UserUpdated.class,
            CloudUserCreated.class, CloudUserUpdated.class, UserDeleted.class);

    private final EventFeed feed;
    private final GroupReadModel groups;
    private final UserReadModel users;
    private final MembershipReadModel memberships;
    private final NamedParameterJdbcTemplate jdbc;

    DeltaQueries(EventFeed feed, GroupReadModel groups, UserReadModel users, MembershipReadModel memberships,
                 NamedParameterJdbcTemplate jdbc) {
        this.feed = feed;
        this.groups = groups;
        this.users = users;
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    /** Where a new first round's deltaLink will start ({@code $deltatoken=latest} starts there too). */
    long position() {
        return feed.settledPosition();
    }

    DeltaPage page(DeltaCursor cursor) {
        return switch (cursor.phase()) {
            case INITIAL -> cursor.resource() == Resource.GROUPS ? initialGroups(cursor) : initialUsers(cursor);
            case CHANGES -> changes(cursor, cursor.position(), cursor.end());
            case DELTA -> changes(cursor, cursor.position(), Math.max(cursor.position(), feed.settledPosition()));
        };
    }

    private DeltaPage initialGroups(DeltaCursor cursor) {
        boolean resuming = cursor.resumeMembersAfter() != null;
        List<String> ids = ids("group_view", cursor.afterId(), resuming, cursor.top() + 1);
        Map<String, GroupView> views = groups.findAll(ids);
        List<Map<String, Object>> items = new ArrayList<>();
        int memberBudget = MEMBERS_PER_PAGE;
        for (String id : ids) {
            GroupView view = views.get(id);
            if (view == null) {
                continue;
            }
            if (items.size() == cursor.top() || (cursor.listsMembersFirst() && memberBudget == 0)) {
                return new DeltaPage(items, cursor.nextInitialPage(previous(items, cursor), null));
            }
            Map<String, Object> item = group(view, cursor);
            items.add(item);
            if (cursor.listsMembersFirst()) {
                String after = resuming && id.equals(cursor.afterId()) ? cursor.resumeMembersAfter() : null;
                List<MemberRef> members = memberships.members(id, null, after, memberBudget);
                List<MemberRef> shown = members.subList(0, Math.min(members.size(), memberBudget));
                item.put("members@delta", shown.stream().map(member -> member(member, false)).toList());
                memberBudget -= shown.size();
                if (members.size() > shown.size()) {
                    return new DeltaPage(items, cursor.nextInitialPage(id, shown.get(shown.size() - 1).id()));
                }
            }
        }
        return ids.size() > cursor.top() ? new DeltaPage(items, cursor.nextInitialPage(previous(items, cursor), null))
                : new DeltaPage(items, cursor.deltaLink(cursor.end()));
    }

    private DeltaPage initialUsers(DeltaCursor cursor) {
        List<String> ids = ids("user_view", cursor.afterId(), false, cursor.top() + 1);
        List<String> shown = ids.subList(0, Math.min(ids.size(), cursor.top()));
        Map<String, UserView> views = users.findAll(shown);
        List<Map<String, Object>> items = shown.stream().filter(views::containsKey)
                .map(id -> user(views.get(id), cursor)).toList();
        return ids.size() > cursor.top()
                ? new DeltaPage(items, cursor.nextInitialPage(shown.get(shown.size() - 1), null))
                : new DeltaPage(items, cursor.deltaLink(cursor.end()));
    }

    /** The events in {@code (after, end]}, a bounded page at a time, as the objects they changed. */
    private DeltaPage changes(DeltaCursor cursor, long after, long end) {
        List<Class<?>> types = new ArrayList<>(cursor.resource() == Resource.GROUPS ? GROUP_CHANGES : USER_CHANGES);
        if (cursor.tracksMembers()) {
            types.addAll(MEMBER_CHANGES);
        }
        Map<String, Changed> changed = new LinkedHashMap<>();
        long reached = after;
        int memberEntries = 0;
        while (reached < end) {
            List<EventFeed.Event> events = feed.read(reached, end, types, EVENT_CHUNK);
            for (EventFeed.Event event : events) {
                List<MemberRef> members = membersOf(event.payload());
                boolean full = !changed.containsKey(event.aggregateId()) && changed.size() == cursor.top()
                        || memberEntries > 0 && memberEntries + members.size() > MEMBERS_PER_PAGE;
                if (full) {
                    return new DeltaPage(render(changed, cursor), cursor.changesAfter(reached, end));
                }
                Changed object = changed.computeIfAbsent(event.aggregateId(), id -> new Changed());
                object.take(event.payload(), members);
                memberEntries += members.size();
                reached = event.index();
            }
            if (events.size() < EVENT_CHUNK) {
                reached = end;
            }
        }
        return new DeltaPage(render(changed, cursor), cursor.deltaLink(Math.max(reached, after)));
    }

    private List<Map<String, Object>> render(Map<String, Changed> changed, DeltaCursor cursor) {
        List<String> present = changed.entrySet().stream().filter(entry -> !entry.getValue().deleted)
                .map(Map.Entry::getKey).toList();
        Map<String, ?> views = cursor.resource() == Resource.GROUPS ? groups.findAll(present) : users.findAll(present);
        List<Map<String, Object>> items = new ArrayList<>();
        changed.forEach((id, object) -> {
            Object view = views.get(id);
            if (view == null) {
                items.add(removed(id));
            } else if (view instanceof GroupView group) {
                Map<String, Object> item = group(group, cursor);
                if (!object.members.isEmpty()) {
                    item.put("members@delta", object.members.entrySet().stream()
                            .map(entry -> member(new MemberRef(entry.getKey(), entry.getValue().type()),
                                    entry.getValue().removed())).toList());
                }
                items.add(item);
            } else {
                items.add(user((UserView) view, cursor));
            }
        });
        return items;
    }

    private static Map<String, Object> group(GroupView view, DeltaCursor cursor) {
        return new LinkedHashMap<>(GraphJson.select(GroupRepresentation.of(view), properties(cursor)));
    }

    private static Map<String, Object> user(UserView view, DeltaCursor cursor) {
        return GraphJson.select(UserRepresentation.of(view), properties(cursor));
    }

    /** The {@code $select}ed properties, always with the id; {@code members} is not a property here. */
    private static Set<String> properties(DeltaCursor cursor) {
        if (cursor.select().isEmpty()) {
            return Set.of();
        }
        Set<String> properties = new LinkedHashSet<>(cursor.select());
        properties.remove(MEMBERS);
        properties.add("id");
        return properties;
    }

    private static Map<String, Object> member(MemberRef member, boolean removed) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@odata.type", "#microsoft.graph." + member.type().graphName());
        item.put("id", member.id());
        if (removed) {
            item.put("@removed", Map.of("reason", "deleted"));
        }
        return item;
    }

    /** Graph's shape for an object that is gone. */
    private static Map<String, Object> removed(String id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("@removed", Map.of("reason", "deleted"));
        return item;
    }

    private static List<MemberRef> membersOf(Object payload) {
        if (payload instanceof MembersAdded added) {
            return added.members();
        }
        if (payload instanceof MembersRemoved removed) {
            return removed.members();
        }
        return List.of();
    }

    /** The last group id a page showed in full, or where the previous page left off. */
    private static String previous(List<Map<String, Object>> items, DeltaCursor cursor) {
        return items.isEmpty() ? cursor.afterId() : (String) items.get(items.size() - 1).get("id");
    }

    /** Up to {@code limit} ids of a read model table in id order, after (or from) {@code afterId}. */
    private List<String> ids(String table, String afterId, boolean inclusive, int limit) {
        return jdbc.queryForList("SELECT id FROM " + table + " WHERE id " + (inclusive ? ">=" : ">")
                        + " :after ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("after", afterId == null ? "" : afterId).addValue("limit", limit),
                String.class);
    }

    /** What a round saw happen to one object: deleted, or changed, with its members added and removed (last wins). */
    private static final class Changed {

        private boolean deleted;
        private final Map<String, MemberChange> members = new LinkedHashMap<>();

        void take(Object payload, List<MemberRef> changedMembers) {
            if (payload instanceof GroupDeleted) {
                deleted = true;
                members.clear();
                return;
            }
            boolean removed = payload instanceof MembersRemoved;
            for (MemberRef member : changedMembers) {
                members.remove(member.id());
                members.put(member.id(), new MemberChange(member.type(), removed));
            }
        }
    }

    private record MemberChange(ObjectType type, boolean removed) {
    }
}
