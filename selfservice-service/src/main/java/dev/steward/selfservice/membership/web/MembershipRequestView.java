package dev.steward.selfservice.membership.web;

import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.RequestStatus;
import java.time.Instant;
import java.util.List;

/**
 * A membership request as the API shows it. {@code rejectionReason} is the decider's reason for a rejection;
 * {@code closedReason} why a request was closed without a decision (its group was deleted); {@code addError} the
 * directory's refusal to add the member of an approved request (status {@code AddRefused}). A two-stage request names
 * its {@code secondStageApproverGroupId} and the owner who approved its first stage ({@code firstStageDecidedById}).
 */
public record MembershipRequestView(
        String id,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        String justification,
        String status,
        Instant createdDateTime,
        List<String> approverIds,
        Instant expirationDateTime,
        String decidedById,
        Instant decidedDateTime,
        String rejectionReason,
        Instant completedDateTime,
        AddError addError,
        String closedReason,
        String secondStageApproverGroupId,
        String firstStageDecidedById) {

    static MembershipRequestView of(MembershipRequest request) {
        return new MembershipRequestView(request.id(), request.groupId(), request.groupDisplayName(),
                request.requesterId(), request.requesterUserPrincipalName(), request.justification(),
                request.status().wireName(), request.createdDateTime(), request.approverIds(),
                request.expiresDateTime(), request.decidedById(), request.decidedDateTime(),
                request.status() == RequestStatus.CLOSED ? null : request.decisionReason(), request.completedDateTime(),
                request.addErrorCode() == null ? null : new AddError(request.addErrorCode(), request.addErrorMessage()),
                request.status() == RequestStatus.CLOSED ? request.decisionReason() : null,
                request.secondStageApproverGroupId(), request.firstStageDecidedById());
    }

    /** The directory's answer to a refused member add. */
    public record AddError(String code, String message) {
    }
}
