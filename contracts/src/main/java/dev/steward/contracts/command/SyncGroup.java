package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sent by the sync engine for each AD group in scope: create the group (AD-mastered) or bring the cloud copy in
 * line with AD. The directory refuses it for a group whose Source of Authority is in the cloud, and takes a
 * rolled-back group over again. {@code groupId} must be {@link DirectoryIds#fromAnchor(String)} of the anchor.
 *
 * Members and owners follow in {@link SyncGroupMembership} commands.
 *
 * @param anchor      the AD objectGUID, canonical UUID text: the sync anchor
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15; absent (a sync engine that predates them)
 *                    reads as none set
 */
public record SyncGroup(
        CommandMetadata metadata,
        String groupId,
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
        OnPremisesExtensionAttributes onPremisesExtensionAttributes,
        Instant syncedAt) implements ContractCommand {

    public SyncGroup {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(anchor, "anchor is required");
        if (groupId == null || !groupId.equals(DirectoryIds.fromAnchor(anchor))) {
            throw new IllegalArgumentException("groupId must be the id derived from the anchor");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("displayName is required");
        }
        Objects.requireNonNull(syncedAt, "syncedAt is required");
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        onPremisesExtensionAttributes = OnPremisesExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    @Override
    public String key() {
        return groupId;
    }
}
