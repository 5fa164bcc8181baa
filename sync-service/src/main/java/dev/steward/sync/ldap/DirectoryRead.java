package dev.steward.sync.ldap;

import java.util.List;

/** Everything in scope, read in one pass: the full import of a cycle. */
public record DirectoryRead(List<AdUser> users, List<AdGroup> groups, List<RejectedEntry> rejected, boolean paged) {

    public DirectoryRead {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        rejected = List.copyOf(rejected);
    }
}
