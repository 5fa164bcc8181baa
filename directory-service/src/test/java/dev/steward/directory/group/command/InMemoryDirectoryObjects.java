package dev.steward.directory.group.command;

import dev.steward.directory.group.api.ObjectType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The directory's objects and nesting for aggregate tests, held in maps. */
class InMemoryDirectoryObjects implements DirectoryObjects {

    private final Map<String, ObjectType> types = new HashMap<>();
    private final Map<String, Set<String>> nestedGroups = new HashMap<>();

    InMemoryDirectoryObjects user(String... ids) {
        for (String id : ids) {
            types.put(id, ObjectType.USER);
        }
        return this;
    }

    InMemoryDirectoryObjects group(String... ids) {
        for (String id : ids) {
            types.put(id, ObjectType.GROUP);
        }
        return this;
    }

    /** {@code child} is a direct member of {@code parent}. */
    InMemoryDirectoryObjects nest(String parent, String child) {
        group(parent, child);
        nestedGroups.computeIfAbsent(parent, p -> new HashSet<>()).add(child);
        return this;
    }

    @Override
    public Map<String, ObjectType> typesOf(Collection<String> ids) {
        Map<String, ObjectType> known = new HashMap<>();
        ids.stream().filter(types::containsKey).forEach(id -> known.put(id, types.get(id)));
        return known;
    }

    @Override
    public boolean isNestedIn(String group, String container) {
        Deque<String> open = new ArrayDeque<>(nestedGroups.getOrDefault(container, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!open.isEmpty()) {
            String next = open.pop();
            if (next.equals(group)) {
                return true;
            }
            if (seen.add(next)) {
                open.addAll(nestedGroups.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }
}
