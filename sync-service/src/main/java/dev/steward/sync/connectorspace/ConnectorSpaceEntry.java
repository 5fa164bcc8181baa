package dev.steward.sync.connectorspace;

import java.time.Instant;

/**
 * One AD object as the sync engine knows it, joined to its cloud object by the derived cloud id.
 *
 * @param exportedHash          SHA-256 of the values last exported; null if never exported (or the export was rejected)
 * @param exportedValues        those values as JSON
 * @param skippedHash           the AD values last withheld because the SOA is in the cloud (one log entry per value set)
 * @param blockOnPremisesSync   the group's Source of Authority is in the cloud: AD changes are not exported
 * @param pendingTakeover       rolled back to AD: the next cycle exports AD's values even if AD did not change
 * @param deletedInAdAt         when a cycle saw the AD object deleted (tombstone) or out of scope; null while it exists
 */
public record ConnectorSpaceEntry(
        String anchor,
        String cloudId,
        ObjectType objectType,
        String distinguishedName,
        String displayName,
        String exportedHash,
        String exportedValues,
        Instant exportedAt,
        String skippedHash,
        boolean blockOnPremisesSync,
        boolean pendingTakeover,
        Instant sourceOfAuthorityChangedAt,
        String lastCycleId,
        Instant updatedAt,
        Instant deletedInAdAt) {

    public ConnectorSpaceEntry(String anchor, String cloudId, ObjectType objectType, String distinguishedName,
                               String displayName, String exportedHash, String exportedValues, Instant exportedAt,
                               String skippedHash, boolean blockOnPremisesSync, boolean pendingTakeover,
                               Instant sourceOfAuthorityChangedAt, String lastCycleId, Instant updatedAt) {
        this(anchor, cloudId, objectType, distinguishedName, displayName, exportedHash, exportedValues, exportedAt,
                skippedHash, blockOnPremisesSync, pendingTakeover, sourceOfAuthorityChangedAt, lastCycleId, updatedAt,
                null);
    }

    public boolean everExported() {
        return exportedHash != null;
    }
}
