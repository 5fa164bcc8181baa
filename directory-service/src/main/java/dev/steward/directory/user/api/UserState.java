package dev.steward.directory.user.api;

import dev.steward.directory.group.api.ExtensionAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * A user synced from AD, in Graph's property names; user events carry the whole state after the change.
 *
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15 of a synced user ({@link ExtensionAttributes#NONE}
 *                                      for a cloud user, and read from an event stored before users had them)
 */
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
        Instant onPremisesLastSyncDateTime,
        ExtensionAttributes onPremisesExtensionAttributes) {

    public UserState {
        Objects.requireNonNull(id, "id");
        onPremisesExtensionAttributes = ExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    /** Same directory data, ignoring when it was last synced. */
    public boolean sameDataAs(UserState other) {
        return Objects.equals(userPrincipalName, other.userPrincipalName)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(mail, other.mail)
                && Objects.equals(onPremisesAnchor, other.onPremisesAnchor)
                && Objects.equals(onPremisesSecurityIdentifier, other.onPremisesSecurityIdentifier)
                && Objects.equals(onPremisesSamAccountName, other.onPremisesSamAccountName)
                && Objects.equals(onPremisesDistinguishedName, other.onPremisesDistinguishedName)
                && Objects.equals(onPremisesExtensionAttributes, other.onPremisesExtensionAttributes);
    }
}
