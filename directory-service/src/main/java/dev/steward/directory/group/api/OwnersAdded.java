package dev.steward.directory.group.api;

import java.util.List;

/** Users became owners (at most 1,000 per event). */
public record OwnersAdded(String groupId, List<String> ownerIds, boolean bySync) {

    public OwnersAdded {
        ownerIds = List.copyOf(ownerIds);
    }
}
