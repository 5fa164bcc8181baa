package dev.steward.directory.group.api;

/**
 * A group's Source of Authority moved to the cloud ({@code isCloudManaged}) or was rolled back. Either way
 * {@code onPremisesSyncEnabled} is null afterwards, until a sync cycle takes a rolled-back group over.
 */
public record SourceOfAuthoritySwitched(
        String groupId,
        String displayName,
        String onPremisesAnchor,
        boolean isCloudManaged,
        Boolean onPremisesSyncEnabled) {
}
