package dev.steward.selfservice.membership;

import java.time.Instant;
import java.util.List;

/**
 * A user's request to join a group, routed to {@code approverIds}: the group's owners when it was made.
 */
public record MembershipRequest(
        String id,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String justification,
        RequestStatus status,
        Instant createdDateTime,
        List<String> approverIds) {

    public MembershipRequest {
        approverIds = List.copyOf(approverIds);
    }
}
