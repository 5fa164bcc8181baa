package dev.steward.sync.ldap;

import dev.steward.contracts.OnPremisesExtensionAttributes;

/**
 * A user as read from AD.
 *
 * @param anchor canonical objectGUID text
 * @param extensionAttributes AD's {@code extensionAttribute1} .. {@code extensionAttribute15}
 */
public record AdUser(
        String anchor,
        String distinguishedName,
        String commonName,
        String userPrincipalName,
        String displayName,
        String mail,
        String securityIdentifier,
        String samAccountName,
        OnPremisesExtensionAttributes extensionAttributes) {

    public AdUser {
        extensionAttributes = OnPremisesExtensionAttributes.orNone(extensionAttributes);
    }

    /** A user without extension attributes. */
    public AdUser(String anchor, String distinguishedName, String commonName, String userPrincipalName,
                  String displayName, String mail, String securityIdentifier, String samAccountName) {
        this(anchor, distinguishedName, commonName, userPrincipalName, displayName, mail, securityIdentifier,
                samAccountName, null);
    }
}
