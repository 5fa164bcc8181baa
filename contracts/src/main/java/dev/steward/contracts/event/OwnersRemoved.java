package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;

/**
 * Users stopped being owners of a group. Carries at most {@link References#MAX_PER_MESSAGE} objects: a larger change is several events, in order.
 *
 * @param bySync true when the sync engine made the change (AD-mastered group)
 */
public record OwnersRemoved(EventMetadata metadata, String groupId, List<String> ownerIds, boolean bySync)
        implements IntegrationEvent {

    public OwnersRemoved {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
        if (ownerIds.size() > References.MAX_PER_MESSAGE) {
            throw new IllegalArgumentException("at most " + References.MAX_PER_MESSAGE + " ownerIds per event");
        }
    }
}
