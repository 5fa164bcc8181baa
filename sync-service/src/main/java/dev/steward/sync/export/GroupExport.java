package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.sync.connectorspace.ObjectType;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A group to export: its properties with {@link SyncGroup}, its owners and members (cloud ids, sorted) as differences
 * with {@link dev.steward.contracts.command.SyncGroupMembership} (see {@link MembershipChange}).
 *
 * Among the exported values, {@code onPremisesExtensionAttributes} holds the extension attributes AD has set, and is
 * left out when none is: a change of one is a property change, and a group without any keeps the values (and hash)
 * it had before the sync engine read them, so it is not exported again for nothing.
 */
public record GroupExport(
        String anchor,
        String cloudId,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        String securityIdentifier,
        String samAccountName,
        String domainName,
        String netbiosName,
        String distinguishedName,
        OnPremisesExtensionAttributes extensionAttributes,
        List<String> ownerIds,
        List<String> memberIds) implements ObjectExport {

    public GroupExport {
        extensionAttributes = OnPremisesExtensionAttributes.orNone(extensionAttributes);
        ownerIds = List.copyOf(ownerIds);
        memberIds = List.copyOf(memberIds);
    }

    @Override
    public ObjectType objectType() {
        return ObjectType.GROUP;
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("displayName", displayName);
        values.put("description", description);
        values.put("mailNickname", mailNickname);
        values.put("mail", mail);
        values.put("mailEnabled", mailEnabled);
        values.put("securityEnabled", securityEnabled);
        values.put("groupTypes", List.of());
        values.put("onPremisesSecurityIdentifier", securityIdentifier);
        values.put("onPremisesSamAccountName", samAccountName);
        values.put("onPremisesDomainName", domainName);
        values.put("onPremisesNetBiosName", netbiosName);
        values.put("onPremisesDistinguishedName", distinguishedName);
        ExtensionAttributeValues.putInto(values, extensionAttributes);
        return values;
    }

    @Override
    public Membership membership() {
        return new Membership(memberIds, ownerIds);
    }

    @Override
    public SyncGroup command(CommandMetadata metadata, Instant syncedAt) {
        return new SyncGroup(metadata, cloudId, anchor, displayName, description, mailNickname, mail, mailEnabled,
                securityEnabled, List.of(), securityIdentifier, samAccountName, domainName, netbiosName,
                distinguishedName, extensionAttributes, syncedAt);
    }
}
