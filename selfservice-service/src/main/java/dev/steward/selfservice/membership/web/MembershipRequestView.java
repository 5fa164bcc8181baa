package dev.steward.selfservice.membership.web;

import dev.steward.selfservice.membership.MembershipRequest;
import java.time.Instant;
import java.util.List;

/** A membership request as the API shows it. */
public record MembershipRequestView(
        String id,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String justification,
        String status,
        Instant createdDateTime,
        List<String> approverIds) {

    static MembershipRequestView of(MembershipRequest request) {
        return new MembershipRequestView(request.id(), request.groupId(), request.groupDisplayName(),
                request.requesterId(), request.requesterUserPrincipalName(), request.justification(),
                request.status().wireName(), request.createdDateTime(), request.approverIds());
    }
}
