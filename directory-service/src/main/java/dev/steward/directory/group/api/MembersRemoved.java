package dev.steward.directory.group.api;

import java.util.List;

/** Users or groups stopped being direct members (at most 1,000 per event; more is several events). */
public record MembersRemoved(String groupId, List<MemberRef> members, boolean bySync) {

    public MembersRemoved {
        members = List.copyOf(members);
    }
}
