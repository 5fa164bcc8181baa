package dev.steward.directory.user.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sync engine's view of an AD user: create the user or bring the cloud copy in line with AD. */
public record SyncUserFromOnPremises(
        @TargetAggregateIdentifier String userId,
        String anchor,
        String userPrincipalName,
        String displayName,
        String mail,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDistinguishedName,
        Instant syncedAt) {
}
