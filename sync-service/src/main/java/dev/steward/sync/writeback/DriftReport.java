package dev.steward.sync.writeback;

import java.time.Instant;
import java.util.List;

/**
 * A change made directly in AD to a written-back group, found before write-back wrote it again.
 *
 * @param membersAddedInAd    member DNs AD has and write-back did not leave there
 * @param membersRemovedInAd  member DNs write-back left in AD that are gone
 * @param changedAttributes   written attributes whose AD value changed, as {@code name: "written" -> "in AD"}
 * @param status              {@code Open} (the group is held) or {@code Resolved}
 */
public record DriftReport(
        long seq,
        String id,
        String groupId,
        String displayName,
        String distinguishedName,
        Instant detectedAt,
        List<String> membersAddedInAd,
        List<String> membersRemovedInAd,
        List<String> changedAttributes,
        String status,
        Instant resolvedAt,
        String resolvedBy) {
}
