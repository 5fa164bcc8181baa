package dev.steward.sync.export;

import java.util.List;
import java.util.TreeSet;

/** A group's members and owners as cloud ids, sorted and without duplicates: what AD holds, or what was exported. */
public record Membership(List<String> memberIds, List<String> ownerIds) {

    public static final Membership NONE = new Membership(List.of(), List.of());

    public Membership {
        memberIds = List.copyOf(new TreeSet<>(memberIds));
        ownerIds = List.copyOf(new TreeSet<>(ownerIds));
    }

    /** This membership once {@code change} is applied. */
    public Membership apply(MembershipChange change) {
        TreeSet<String> members = new TreeSet<>(memberIds);
        members.removeAll(change.removedMemberIds());
        members.addAll(change.addedMemberIds());
        TreeSet<String> owners = new TreeSet<>(ownerIds);
        owners.removeAll(change.removedOwnerIds());
        owners.addAll(change.addedOwnerIds());
        return new Membership(List.copyOf(members), List.copyOf(owners));
    }
}
