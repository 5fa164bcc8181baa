package dev.steward.selfservice.membership;

import java.time.Instant;
import java.util.List;

/**
 * A user's request to join a group, routed to {@code approverIds}: the group's current owners (re-routed when they
 * change while the request is pending).
 *
 * @param expiresDateTime   when a pending request expires; null for a request made before expiry existed
 * @param decidedById       who approved or rejected it; null while pending, and for an open group's automatic approval
 * @param decisionReason    why it was rejected
 * @param addErrorCode      the directory's error code when it refused to add the member
 * @param addErrorMessage   the directory's message when it refused to add the member
 * @param secondStageApproverGroupId the group whose members decide the second stage; null until an owner approved a
 *                          request to a group with a second stage
 * @param firstStageDecidedById the owner who approved the first stage of a two-stage request
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
        List<String> approverIds,
        Instant expiresDateTime,
        String decidedById,
        Instant decidedDateTime,
        String decisionReason,
        String addErrorCode,
        String addErrorMessage,
        Instant completedDateTime,
        String secondStageApproverGroupId,
        String firstStageDecidedById) {

    public MembershipRequest {
        approverIds = List.copyOf(approverIds);
    }

    /** A new request, before anyone decided it. */
    public static MembershipRequest made(String id, String groupId, String groupDisplayName, String requesterId,
                                         String requesterUserPrincipalName, String justification, RequestStatus status,
                                         Instant createdDateTime, List<String> approverIds, Instant expiresDateTime) {
        return new MembershipRequest(id, groupId, groupDisplayName, requesterId, requesterUserPrincipalName,
                justification, status, createdDateTime, approverIds, expiresDateTime, null, null, null, null, null,
                null, null, null);
    }

    public MembershipRequest withApprovers(List<String> approvers) {
        return new MembershipRequest(id, groupId, groupDisplayName, requesterId, requesterUserPrincipalName,
                justification, status, createdDateTime, approvers, expiresDateTime, decidedById, decidedDateTime,
                decisionReason, addErrorCode, addErrorMessage, completedDateTime, secondStageApproverGroupId,
                firstStageDecidedById);
    }
}
