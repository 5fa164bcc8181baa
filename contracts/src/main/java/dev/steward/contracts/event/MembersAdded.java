package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;

/**
 * Users or groups became direct members of a group. Carries at most {@link References#MAX_PER_MESSAGE} objects: a larger change is several events, in order.
 *
 * @param bySync true when the sync engine made the change (AD-mastered group)
 */
public record MembersAdded(EventMetadata metadata, String groupId, List<DirectoryObjectRef> members, boolean bySync)
        implements IntegrationEvent {

    public MembersAdded {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        members = members == null ? List.of() : List.copyOf(members);
        if (members.size() > References.MAX_PER_MESSAGE) {
            throw new IllegalArgumentException("at most " + References.MAX_PER_MESSAGE + " members per event");
        }
    }
}
