package dev.steward.sync.ldap;

import java.util.List;

/**
 * A group as read from AD. {@code managedBy} and {@code member} are still DNs: they are resolved to cloud ids
 * against the objects read in the same cycle.
 *
 * @param anchor canonical objectGUID text
 */
public record AdGroup(
        String anchor,
        String distinguishedName,
        String commonName,
        String samAccountName,
        String displayName,
        String description,
        String mail,
        String mailNickname,
        GroupType groupType,
        String securityIdentifier,
        String managedBy,
        List<String> members) {

    public AdGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** AD groups with an e-mail address are mail-enabled. */
    public boolean mailEnabled() {
        return mail != null && !mail.isBlank();
    }
}
