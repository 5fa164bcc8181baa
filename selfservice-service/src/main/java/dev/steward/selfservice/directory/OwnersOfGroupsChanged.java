package dev.steward.selfservice.directory;

import java.util.List;

/**
 * Published inside the read model's transaction when the directory added or removed owners of groups (all the
 * groups of a run of events at once), so that pending requests are routed to the new owners in the same transaction.
 */
public record OwnersOfGroupsChanged(List<GroupOwnersChanged> groups) {

    public OwnersOfGroupsChanged {
        groups = List.copyOf(groups);
    }
}
