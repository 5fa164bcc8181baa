package dev.steward.directory.group.api;

/**
 * A group's Source of Authority moved to the cloud ({@code isCloudManaged}) or was rolled back. Either way
 * {@code onPremisesSyncEnabled} is null afterwards, until a sync cycle takes a rolled-back group over.
 *
 * @param removedOnPremisesExtensionAttributes the extension attributes the group had when its SOA moved to the cloud,
 *                                             which removed them; null on a rollback, and in events stored before
 *                                             the directory knew them
 */
public record SourceOfAuthoritySwitched(
        String groupId,
        String displayName,
        String onPremisesAnchor,
        boolean isCloudManaged,
        Boolean onPremisesSyncEnabled,
        ExtensionAttributes removedOnPremisesExtensionAttributes) {
}
