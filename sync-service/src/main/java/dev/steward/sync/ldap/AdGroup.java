package dev.steward.sync.ldap;

import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.util.List;

/**
 * A group as read from AD. {@code managedBy} and {@code member} are still DNs: they are resolved to cloud ids
 * against the objects read in the same cycle.
 *
 * @param anchor canonical objectGUID text
 * @param extensionAttributes AD's {@code extensionAttribute1} .. {@code extensionAttribute15}
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
        List<String> members,
        OnPremisesExtensionAttributes extensionAttributes) {

    public AdGroup {
        members = members == null ? List.of() : List.copyOf(members);
        extensionAttributes = OnPremisesExtensionAttributes.orNone(extensionAttributes);
    }

    /** AD groups with an e-mail address are mail-enabled. */
    public boolean mailEnabled() {
        return mail != null && !mail.isBlank();
    }
}
