package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.Objects;

/**
 * An open request was closed without a decision because its group can no longer be joined: {@code reason}
 * {@value #GROUP_DELETED} when the directory deleted the group. {@code previousStatus} is the status it was closed
 * from ({@code Pending} or {@code PendingSecondApproval}). Tells the requester (and the approvers) it is over.
 */
public record MembershipRequestClosed(
        EventMetadata metadata,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String previousStatus,
        String reason) implements IntegrationEvent {

    public static final String GROUP_DELETED = "GroupDeleted";

    public MembershipRequestClosed {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(reason, "reason");
    }
}
