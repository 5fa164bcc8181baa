package dev.steward.sync.ldap;

import dev.steward.contracts.OnPremisesExtensionAttributes;

/**
 * A user as read from AD.
 *
 * @param anchor canonical objectGUID text
 * @param extensionAttributes AD's {@code extensionAttribute1} .. {@code extensionAttribute15}
 * @param licences the licences read from {@code steward.sync.licences.attribute}; null when that is not configured
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
        OnPremisesExtensionAttributes extensionAttributes,
        AdLicences licences) {

    public AdUser {
        extensionAttributes = OnPremisesExtensionAttributes.orNone(extensionAttributes);
    }

    /** A user whose licences are not read. */
    public AdUser(String anchor, String distinguishedName, String commonName, String userPrincipalName,
                  String displayName, String mail, String securityIdentifier, String samAccountName,
                  OnPremisesExtensionAttributes extensionAttributes) {
        this(anchor, distinguishedName, commonName, userPrincipalName, displayName, mail, securityIdentifier,
                samAccountName, extensionAttributes, null);
    }

    /** A user without extension attributes. */
    public AdUser(String anchor, String distinguishedName, String commonName, String userPrincipalName,
                  String displayName, String mail, String securityIdentifier, String samAccountName) {
        this(anchor, distinguishedName, commonName, userPrincipalName, displayName, mail, securityIdentifier,
                samAccountName, null);
    }
}
