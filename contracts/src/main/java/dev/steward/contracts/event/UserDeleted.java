package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * A user was deleted from the directory (a user created in the cloud; users synced from AD are deleted in AD). The
 * groups it was a member or owner of each publish their own {@link MembersRemoved} / {@link OwnersRemoved} for it.
 *
 * @param onPremisesAnchor the AD objectGUID of a user that came from AD, else null
 */
public record UserDeleted(EventMetadata metadata, String userId, String userPrincipalName, String displayName,
                          String onPremisesAnchor) implements IntegrationEvent {

    public UserDeleted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(userId, "userId");
    }
}
