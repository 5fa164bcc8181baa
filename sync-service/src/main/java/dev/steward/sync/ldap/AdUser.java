package dev.steward.sync.ldap;

/**
 * A user as read from AD.
 *
 * @param anchor canonical objectGUID text
 */
public record AdUser(
        String anchor,
        String distinguishedName,
        String commonName,
        String userPrincipalName,
        String displayName,
        String mail,
        String securityIdentifier,
        String samAccountName) {
}
