package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.command.SyncGroupMembership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two memberships of a group, as {@link SyncGroupMembership} carries them. A whole change
 * can be any size; {@link #chunks} splits it into changes small enough for one command each.
 */
public record MembershipChange(
        List<String> addedMemberIds,
        List<String> removedMemberIds,
        List<String> addedOwnerIds,
        List<String> removedOwnerIds) {

    public MembershipChange {
        addedMemberIds = List.copyOf(addedMemberIds);
        removedMemberIds = List.copyOf(removedMemberIds);
        addedOwnerIds = List.copyOf(addedOwnerIds);
        removedOwnerIds = List.copyOf(removedOwnerIds);
    }

    /** What turns {@code exported} into {@code now}; a first export (exported = {@link Membership#NONE}) is all additions. */
    public static MembershipChange between(Membership exported, Membership now) {
        return new MembershipChange(minus(now.memberIds(), exported.memberIds()),
                minus(exported.memberIds(), now.memberIds()), minus(now.ownerIds(), exported.ownerIds()),
                minus(exported.ownerIds(), now.ownerIds()));
    }

    public int size() {
        return addedMemberIds.size() + removedMemberIds.size() + addedOwnerIds.size() + removedOwnerIds.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * This change in consecutive pieces of at most {@code maxIds} ids in all four lists together, filled in the
     * order added members, removed members, added owners, removed owners. Empty for an empty change.
     */
    public List<MembershipChange> chunks(int maxIds) {
        if (maxIds < 1) {
            throw new IllegalArgumentException("maxIds must be positive");
        }
        List<MembershipChange> chunks = new ArrayList<>();
        List<List<String>> current = emptyLists();
        int filled = 0;
        List<List<String>> lists = List.of(addedMemberIds, removedMemberIds, addedOwnerIds, removedOwnerIds);
        for (int list = 0; list < lists.size(); list++) {
            for (String id : lists.get(list)) {
                current.get(list).add(id);
                if (++filled == maxIds) {
                    chunks.add(of(current));
                    current = emptyLists();
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            chunks.add(of(current));
        }
        return chunks;
    }

    public SyncGroupMembership command(CommandMetadata metadata, String groupId, String anchor, Instant syncedAt) {
        return new SyncGroupMembership(metadata, groupId, anchor, addedMemberIds, removedMemberIds, addedOwnerIds,
                removedOwnerIds, syncedAt);
    }

    private static List<String> minus(List<String> ids, List<String> others) {
        TreeSet<String> result = new TreeSet<>(ids);
        others.forEach(result::remove);
        return List.copyOf(result);
    }

    private static List<List<String>> emptyLists() {
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static MembershipChange of(List<List<String>> lists) {
        return new MembershipChange(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
    }
}
