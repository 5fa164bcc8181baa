package dev.steward.directory.group.api;

import dev.steward.directory.common.OnPremisesText;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The sync engine's view of an AD group: create the group (AD-mastered) or bring the cloud copy in line with AD.
 * Refused for a group whose Source of Authority is in the cloud; takes a rolled-back group over again.
 *
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15 (none set when AD has none)
 */
public record SyncGroupFromOnPremises(
        @TargetAggregateIdentifier String groupId,
        String anchor,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDomainName,
        String onPremisesNetBiosName,
        String onPremisesDistinguishedName,
        ExtensionAttributes onPremisesExtensionAttributes,
        Instant syncedAt) {

    /** @throws dev.steward.directory.common.DirectoryException naming a property whose text from AD is not safe */
    public void checkText() {
        OnPremisesText.check("displayName", displayName);
        OnPremisesText.check("description", description);
        OnPremisesText.check("mailNickname", mailNickname);
        OnPremisesText.check("mail", mail);
        OnPremisesText.check("onPremisesSamAccountName", onPremisesSamAccountName);
        OnPremisesText.check("onPremisesDomainName", onPremisesDomainName);
        OnPremisesText.check("onPremisesNetBiosName", onPremisesNetBiosName);
        OnPremisesText.check("onPremisesDistinguishedName", onPremisesDistinguishedName);
        if (onPremisesExtensionAttributes != null) {
            OnPremisesText.check(onPremisesExtensionAttributes.asMap());
        }
    }
}
