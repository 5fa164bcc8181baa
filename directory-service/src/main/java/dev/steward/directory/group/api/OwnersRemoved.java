package dev.steward.directory.group.api;

import java.util.List;

/** Users stopped being owners (at most 1,000 per event). */
public record OwnersRemoved(String groupId, List<String> ownerIds, boolean bySync) {

    public OwnersRemoved {
        ownerIds = List.copyOf(ownerIds);
    }
}
