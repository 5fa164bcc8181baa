package dev.steward.directory.user.api;

import dev.steward.directory.common.OnPremisesText;
import dev.steward.directory.group.api.ExtensionAttributes;
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
        ExtensionAttributes onPremisesExtensionAttributes,
        Instant syncedAt) {

    public SyncUserFromOnPremises {
        onPremisesExtensionAttributes = ExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    /** @throws dev.steward.directory.common.DirectoryException naming a property whose text from AD is not safe */
    public void checkText() {
        OnPremisesText.check("userPrincipalName", userPrincipalName);
        OnPremisesText.check("displayName", displayName);
        OnPremisesText.check("mail", mail);
        OnPremisesText.check("onPremisesSamAccountName", onPremisesSamAccountName);
        OnPremisesText.check("onPremisesDistinguishedName", onPremisesDistinguishedName);
        OnPremisesText.check(onPremisesExtensionAttributes.asMap());
    }

    /** A user without extension attributes. */
    public SyncUserFromOnPremises(String userId, String anchor, String userPrincipalName, String displayName,
                                  String mail, String onPremisesSecurityIdentifier, String onPremisesSamAccountName,
                                  String onPremisesDistinguishedName, Instant syncedAt) {
        this(userId, anchor, userPrincipalName, displayName, mail, onPremisesSecurityIdentifier,
                onPremisesSamAccountName, onPremisesDistinguishedName, null, syncedAt);
    }
}
