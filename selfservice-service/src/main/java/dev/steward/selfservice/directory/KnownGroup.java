package dev.steward.selfservice.directory;

import dev.steward.contracts.event.GroupKind;
import java.util.List;

/**
 * A group as self-service knows it from the directory's events: what the My Groups rules need.
 *
 * @param onPremisesSyncEnabled true while Active Directory masters the group
 * @param ownerIds              the group's owners, sorted
 * @param memberIds             the group's direct members (users and groups), sorted
 */
public record KnownGroup(
        String id,
        String displayName,
        GroupKind kind,
        List<String> groupTypes,
        Boolean onPremisesSyncEnabled,
        boolean isCloudManaged,
        List<String> ownerIds,
        List<String> memberIds) {

    public static final String DYNAMIC_MEMBERSHIP = "DynamicMembership";

    public KnownGroup {
        groupTypes = List.copyOf(groupTypes);
        ownerIds = List.copyOf(ownerIds);
        memberIds = List.copyOf(memberIds);
    }

    /** Members computed from a membership rule: nobody requests to join such a group. */
    public boolean isDynamic() {
        return groupTypes.contains(DYNAMIC_MEMBERSHIP);
    }

    /** Still mastered in Active Directory: the cloud copy is read-only. */
    public boolean isMasteredOnPremises() {
        return Boolean.TRUE.equals(onPremisesSyncEnabled);
    }

    public boolean isOwner(String userId) {
        return userId != null && ownerIds.contains(userId);
    }

    public boolean isMember(String objectId) {
        return objectId != null && memberIds.contains(objectId);
    }
}
