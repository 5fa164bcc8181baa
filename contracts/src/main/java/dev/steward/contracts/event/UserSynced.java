package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/** A user synced from AD was created ({@code created = true}) or changed in the directory. */
public record UserSynced(
        EventMetadata metadata,
        String userId,
        String onPremisesAnchor,
        String userPrincipalName,
        String displayName,
        String mail,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDistinguishedName,
        boolean created) implements IntegrationEvent {

    public UserSynced {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(userId, "userId");
    }
}
