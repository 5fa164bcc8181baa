package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.sync.connectorspace.ObjectType;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A group to export: its properties with {@link SyncGroup}, its owners and members (cloud ids, sorted) as differences
 * with {@link dev.steward.contracts.command.SyncGroupMembership} (see {@link MembershipChange}).
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
        List<String> ownerIds,
        List<String> memberIds) implements ObjectExport {

    public GroupExport {
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
                distinguishedName, syncedAt);
    }
}
