package dev.steward.directory.group.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A chunk of the sync engine's membership differences for an AD-mastered group. Idempotent: ids already present
 * are not added again, absent ones are not removed. Refused like {@link SyncGroupFromOnPremises}.
 */
public record SyncMembershipFromOnPremises(
        @TargetAggregateIdentifier String groupId,
        String anchor,
        List<String> addedMemberIds,
        List<String> removedMemberIds,
        List<String> addedOwnerIds,
        List<String> removedOwnerIds,
        Instant syncedAt) implements ReferencesObjects {

    public SyncMembershipFromOnPremises {
        addedMemberIds = List.copyOf(addedMemberIds);
        removedMemberIds = List.copyOf(removedMemberIds);
        addedOwnerIds = List.copyOf(addedOwnerIds);
        removedOwnerIds = List.copyOf(removedOwnerIds);
    }

    @Override
    public List<String> referencedIds() {
        return java.util.stream.Stream.concat(addedMemberIds.stream(), addedOwnerIds.stream()).toList();
    }
}
