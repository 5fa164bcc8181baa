package dev.steward.selfservice.directory;

import dev.steward.contracts.event.GroupKind;
import java.util.List;

/**
 * A group as self-service knows it from the directory's events: what the My Groups rules need.
 *
 * @param onPremisesSyncEnabled true while the sync engine writes the group from Active Directory; null for a cloud
 *                              group, after an SOA switch, and after a rollback until the next sync cycle
 * @param isCloudManaged        true while the group's Source of Authority is the cloud
 * @param onPremisesAnchor      the AD objectGUID the group is synced from; null for a group created in the cloud
 * @param ownerIds              the group's owners, sorted (a group's members are not loaded with it: a large group's
 *                              members would be read for every request; ask {@link DirectMembership} instead)
 * @param joinPolicy            how users join it in My Groups
 */
public record KnownGroup(
        String id,
        String displayName,
        GroupKind kind,
        List<String> groupTypes,
        Boolean onPremisesSyncEnabled,
        boolean isCloudManaged,
        String onPremisesAnchor,
        List<String> ownerIds,
        JoinPolicy joinPolicy) {

    public static final String DYNAMIC_MEMBERSHIP = "DynamicMembership";

    public KnownGroup {
        groupTypes = List.copyOf(groupTypes);
        ownerIds = List.copyOf(ownerIds);
    }

    /** Members computed from a membership rule: nobody requests to join such a group. */
    public boolean isDynamic() {
        return groupTypes.contains(DYNAMIC_MEMBERSHIP);
    }

    /** Came from Active Directory, whatever its Source of Authority is now. */
    public boolean isSyncedFromOnPremises() {
        return onPremisesAnchor != null;
    }

    /**
     * Active Directory is the group's Source of Authority: the sync engine writes it ({@code onPremisesSyncEnabled}),
     * or it came from AD and its SOA was rolled back there ({@link #isAwaitingTakeoverBySync()}).
     */
    public boolean isMasteredOnPremises() {
        return Boolean.TRUE.equals(onPremisesSyncEnabled) || isAwaitingTakeoverBySync();
    }

    /**
     * Synced from AD, its Source of Authority rolled back to AD, and the next sync cycle has not taken it over yet
     * ({@code onPremisesSyncEnabled} still null). The directory still accepts cloud writes in this window, but the
     * takeover overwrites them with AD's values.
     */
    public boolean isAwaitingTakeoverBySync() {
        return isSyncedFromOnPremises() && !isCloudManaged && !Boolean.TRUE.equals(onPremisesSyncEnabled);
    }

    public boolean isOwner(String userId) {
        return userId != null && ownerIds.contains(userId);
    }
}
