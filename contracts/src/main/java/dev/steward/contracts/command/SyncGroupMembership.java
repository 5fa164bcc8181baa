package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.References;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sent by the sync engine after {@link SyncGroup}: a chunk of the differences between the members and owners it
 * exported last time and what AD holds now (a first sync is all additions). A group's membership travels as as many
 * of these as it takes, each with at most {@link References#MAX_PER_MESSAGE} ids in all four lists together, never
 * as a whole member set. Refused, like {@link SyncGroup}, for a group whose Source of Authority is in the cloud.
 *
 * @param addedMemberIds   cloud ids of users and groups that became direct members in AD
 * @param removedMemberIds cloud ids that are no longer direct members in AD
 * @param addedOwnerIds    cloud ids of users that became owners (AD {@code managedBy})
 * @param removedOwnerIds  cloud ids that are no longer owners
 */
public record SyncGroupMembership(
        CommandMetadata metadata,
        String groupId,
        String anchor,
        List<String> addedMemberIds,
        List<String> removedMemberIds,
        List<String> addedOwnerIds,
        List<String> removedOwnerIds,
        Instant syncedAt) implements ContractCommand {

    public SyncGroupMembership {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(anchor, "anchor is required");
        if (groupId == null || !groupId.equals(DirectoryIds.fromAnchor(anchor))) {
            throw new IllegalArgumentException("groupId must be the id derived from the anchor");
        }
        Objects.requireNonNull(syncedAt, "syncedAt is required");
        addedMemberIds = References.bounded("addedMemberIds", addedMemberIds);
        removedMemberIds = References.bounded("removedMemberIds", removedMemberIds);
        addedOwnerIds = References.bounded("addedOwnerIds", addedOwnerIds);
        removedOwnerIds = References.bounded("removedOwnerIds", removedOwnerIds);
        int total = addedMemberIds.size() + removedMemberIds.size() + addedOwnerIds.size() + removedOwnerIds.size();
        if (total > References.MAX_PER_MESSAGE) {
            throw new IllegalArgumentException("a membership chunk holds " + total + " ids; at most "
                    + References.MAX_PER_MESSAGE);
        }
        checkDisjoint("members", addedMemberIds, removedMemberIds);
        checkDisjoint("owners", addedOwnerIds, removedOwnerIds);
    }

    private static void checkDisjoint(String name, List<String> added, List<String> removed) {
        Set<String> both = new HashSet<>(added);
        both.retainAll(removed);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(name + " both added and removed: " + both);
        }
    }

    @Override
    public String key() {
        return groupId;
    }
}
