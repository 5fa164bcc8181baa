package dev.steward.contracts.event;

import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group's properties as the directory holds them after an event, in Graph's property names, so that consumers
 * need no lookups. Members and owners are not here: they travel in their own bounded events
 * ({@link MembersAdded}, {@link MembersRemoved}, {@link OwnersAdded}, {@link OwnersRemoved}).
 *
 * @param onPremisesSyncEnabled true while AD masters the group; null for cloud groups and after an SOA switch
 * @param isCloudManaged        {@code onPremisesSyncBehavior.isCloudManaged}
 * @param onPremisesAnchor      the AD objectGUID the group is synced from; null for groups created in the cloud
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15 while AD masters the group; none set for cloud
 *                              groups and after an SOA switch; absent (an older producer) reads as none set
 */
public record GroupSnapshot(
        String id,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        Instant createdDateTime,
        Boolean onPremisesSyncEnabled,
        boolean isCloudManaged,
        String onPremisesAnchor,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDomainName,
        String onPremisesNetBiosName,
        String onPremisesDistinguishedName,
        Instant onPremisesLastSyncDateTime,
        OnPremisesExtensionAttributes onPremisesExtensionAttributes) {

    public GroupSnapshot {
        Objects.requireNonNull(id, "id");
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        onPremisesExtensionAttributes = OnPremisesExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    /** Security group, Microsoft 365 group, mail-enabled security group or distribution group. */
    public GroupKind kind() {
        return GroupKind.of(groupTypes, mailEnabled, securityEnabled);
    }
}
