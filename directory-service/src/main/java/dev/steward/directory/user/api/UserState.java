package dev.steward.directory.user.api;

import java.time.Instant;
import java.util.Objects;

/** A user synced from AD, in Graph's property names; user events carry the whole state after the change. */
public record UserState(
        String id,
        String userPrincipalName,
        String displayName,
        String mail,
        Instant createdDateTime,
        String onPremisesAnchor,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDistinguishedName,
        Instant onPremisesLastSyncDateTime) {

    public UserState {
        Objects.requireNonNull(id, "id");
    }

    /** Same directory data, ignoring when it was last synced. */
    public boolean sameDataAs(UserState other) {
        return Objects.equals(userPrincipalName, other.userPrincipalName)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(mail, other.mail)
                && Objects.equals(onPremisesAnchor, other.onPremisesAnchor)
                && Objects.equals(onPremisesSecurityIdentifier, other.onPremisesSecurityIdentifier)
                && Objects.equals(onPremisesSamAccountName, other.onPremisesSamAccountName)
                && Objects.equals(onPremisesDistinguishedName, other.onPremisesDistinguishedName);
    }
}
