package dev.steward.sync.writeback;

import dev.steward.contracts.event.GroupKind;
import java.time.Instant;

/**
 * A cloud security group as write-back knows it: the cloud's values, and what was last written to AD.
 *
 * @param onPremisesAnchor the objectGUID of the AD group an SOA-converted group came from; null for a cloud-native one
 * @param refusal          why the cloud's values cannot be written to AD (a NUL character); null when they can
 * @param cloudVersion     counts the cloud changes that matter to AD
 * @param handledVersion   the cloud version last written (or refused); null before the first attempt
 * @param adObjectGuid     the AD group written to (for a cloud-native group, the one write-back created)
 * @param adDn             its DN at the last write
 * @param membersSkipped   cloud members the last write could not write (cloud-only users, groups not written back)
 */
public record WriteBackGroup(
        String groupId,
        String displayName,
        String description,
        GroupKind kind,
        boolean cloudManaged,
        String onPremisesAnchor,
        boolean deleted,
        String refusal,
        long cloudVersion,
        Long handledVersion,
        String adObjectGuid,
        String adDn,
        String writtenDisplayName,
        String writtenDescription,
        WriteBackStatus status,
        String lastError,
        int attempts,
        int membersSkipped,
        Instant lastAttemptAt,
        Instant lastWrittenAt) {

    /** Came from AD and its Source of Authority moved to the cloud. */
    public boolean sourceOfAuthorityConverted() {
        return onPremisesAnchor != null && cloudManaged;
    }

    public boolean cloudNative() {
        return onPremisesAnchor == null;
    }

    public boolean everWritten() {
        return lastWrittenAt != null;
    }
}
