package dev.steward.directory.group.web;

import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.directory.user.web.UserRepresentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Items of a mixed {@code directoryObject} collection (members, memberOf, ...): each with its {@code @odata.type}
 * and the properties of its own type, narrowed by {@code $select} (names another type has are simply absent).
 */
@Component
public class DirectoryObjectItems {

    /** A type-cast path segment: {@code microsoft.graph.user}, {@code microsoft.graph.group}, or without namespace. */
    public static final String TYPE_CAST = "(?:microsoft\\.)?graph\\.(?:user|group)";

    private final GroupReadModel groups;
    private final UserReadModel users;

    DirectoryObjectItems(GroupReadModel groups, UserReadModel users) {
        this.groups = groups;
        this.users = users;
    }

    public List<Map<String, Object>> of(List<MemberRef> objects, Set<String> select) {
        Map<String, GroupView> groupViews = groups.findAll(objects.stream()
                .filter(object -> object.type() == ObjectType.GROUP).map(MemberRef::id).toList());
        Map<String, UserView> userViews = users.findAll(objects.stream()
                .filter(object -> object.type() == ObjectType.USER).map(MemberRef::id).toList());
        List<Map<String, Object>> items = new ArrayList<>();
        for (MemberRef object : objects) {
            Map<String, Object> properties = object.type() == ObjectType.GROUP
                    ? groupViews.containsKey(object.id()) ? GroupRepresentation.of(groupViews.get(object.id())) : null
                    : userViews.containsKey(object.id()) ? UserRepresentation.of(userViews.get(object.id())) : null;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@odata.type", "#microsoft.graph." + object.type().graphName());
            if (properties == null) {
                item.put("id", object.id());
            } else {
                Map<String, Object> shown = new LinkedHashMap<>(properties);
                if (!select.isEmpty()) {
                    shown.keySet().retainAll(select);
                    shown.put("id", object.id());
                }
                item.putAll(shown);
            }
            items.add(item);
        }
        return items;
    }

    public List<Map<String, Object>> groups(List<String> groupIds, Set<String> select) {
        return of(groupIds.stream().map(id -> new MemberRef(id, ObjectType.GROUP)).toList(), select);
    }

    public List<Map<String, Object>> users(List<String> userIds, Set<String> select) {
        return of(userIds.stream().map(id -> new MemberRef(id, ObjectType.USER)).toList(), select);
    }

    /** The type a {@link #TYPE_CAST} segment names. */
    public static ObjectType castType(String segment) {
        return segment.endsWith(".group") ? ObjectType.GROUP : ObjectType.USER;
    }
}
