package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * Write-back (Group Provisioning to AD) handled a cloud group. {@code outcome}: {@value #WRITTEN} (created or updated in
 * AD; the member counts say what changed), {@value #DELETED} (the group was deleted in the cloud and its AD group
 * too), {@value #LEFT_IN_AD} (an SOA-converted group deleted in the cloud: the AD group it came from stays),
 * {@value #REFUSED} (a value AD cannot hold; retried when the cloud changes it) or {@value #FAILED} (AD refused the
 * write or was away; retried at the next run). {@code reason} says why for the last three.
 */
public record GroupWrittenBack(
        EventMetadata metadata,
        String groupId,
        String displayName,
        String outcome,
        String adObjectGuid,
        String distinguishedName,
        int membersAdded,
        int membersRemoved,
        int membersNotWritten,
        String reason) implements IntegrationEvent {

    public static final String WRITTEN = "Written";
    public static final String DELETED = "Deleted";
    public static final String LEFT_IN_AD = "LeftInAd";
    public static final String REFUSED = "Refused";
    public static final String FAILED = "Failed";

    public GroupWrittenBack {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
