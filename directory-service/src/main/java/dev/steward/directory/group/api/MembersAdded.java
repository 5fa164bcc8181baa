package dev.steward.directory.group.api;

import java.util.List;

/** Users or groups became direct members (at most 1,000 per event; more is several events). */
public record MembersAdded(String groupId, List<MemberRef> members, boolean bySync) {

    public MembersAdded {
        members = List.copyOf(members);
    }
}
