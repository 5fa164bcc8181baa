package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/**
 * A written-back group was changed directly in AD in a way the next write would undo: write-back holds the group
 * (writes nothing to it) until an administrator resolves the drift ({@link WriteBackDriftResolved}). The member lists
 * are AD DNs; {@code attributesChanged} names each attribute with its written and current AD value.
 */
public record WriteBackDriftDetected(
        EventMetadata metadata,
        String groupId,
        String displayName,
        String driftId,
        String distinguishedName,
        List<String> membersAddedInAd,
        List<String> membersRemovedInAd,
        List<String> attributesChanged) implements IntegrationEvent {

    public WriteBackDriftDetected {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
        membersAddedInAd = membersAddedInAd == null ? List.of() : List.copyOf(membersAddedInAd);
        membersRemovedInAd = membersRemovedInAd == null ? List.of() : List.copyOf(membersRemovedInAd);
        attributesChanged = attributesChanged == null ? List.of() : List.copyOf(attributesChanged);
    }
}
