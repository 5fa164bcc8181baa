package dev.steward.contracts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Bounds on the id lists that travel in one message. A collection that grows with the data (members, owners) never
 * travels whole: it is split into messages of at most {@link #MAX_PER_MESSAGE} ids, so no record comes near
 * Kafka's 1 MB limit (1,000 GUIDs are about 40 KB of JSON) and a 100,000-member group is 100 events.
 */
public final class References {

    /** The most ids one command or event may carry. */
    public static final int MAX_PER_MESSAGE = 1_000;

    /** The most owners a group may have (Graph's limit). */
    public static final int MAX_OWNERS = 100;

    private References() {
    }

    /**
     * A copy of {@code ids} without duplicates, in first-seen order; refuses null, blank ids and more than
     * {@link #MAX_PER_MESSAGE}.
     */
    public static List<String> bounded(String name, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(name + " must not contain null or blank ids");
            }
            distinct.add(id);
        }
        if (distinct.size() > MAX_PER_MESSAGE) {
            throw new IllegalArgumentException(name + " holds " + distinct.size() + " ids; at most "
                    + MAX_PER_MESSAGE + " per message");
        }
        return List.copyOf(distinct);
    }

    /** {@code ids} in consecutive chunks of at most {@code size}. */
    public static <T> List<List<T>> chunks(List<T> ids, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
        }
        return chunks;
    }

    /** @throws IllegalArgumentException for a null or blank group id */
    public static String requireGroupId(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is required");
        }
        return groupId;
    }
}
