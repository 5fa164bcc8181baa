package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.References;
import java.util.Objects;

/**
 * A group was deleted. Its memberships and ownerships went with it: consumers drop every membership of the group
 * and every membership it had in other groups; no MembersRemoved events are sent for them.
 *
 * @param onPremisesAnchor the AD objectGUID of a group that came from AD, else null
 */
public record GroupDeleted(EventMetadata metadata, String groupId, String displayName, String onPremisesAnchor)
        implements IntegrationEvent {

    public GroupDeleted {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
    }
}
