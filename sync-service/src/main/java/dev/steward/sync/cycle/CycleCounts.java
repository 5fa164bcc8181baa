package dev.steward.sync.cycle;

/**
 * What a cycle did with the objects in scope. {@code added}: first export; {@code updated}: exported because AD
 * changed or a rolled-back group was taken over; {@code unchanged}: same values as the last export (an Initial cycle
 * exports them again anyway); {@code skipped}: changed in AD but withheld because the Source of Authority is in the
 * cloud; {@code failed}: could not be read, exported, or was rejected by the directory.
 */
public record CycleCounts(int added, int updated, int unchanged, int skipped, int failed) {

    public static final CycleCounts NONE = new CycleCounts(0, 0, 0, 0, 0);
}
