package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.ModifiedProperty;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.TenantSettingsChanged;
import java.util.List;

/**
 * Audit entries of self-service events (service "Self-service Group Management", category GroupManagement). Every
 * entry of a request names the group and the requester as targets and carries the request id.
 */
final class SelfServiceEventAudits {

    private SelfServiceEventAudits() {
    }

    /** "Request to join a group": the group and the requester, and how many owners may approve. */
    static DirectoryAudit membershipRequested(MembershipRequested event) {
        return request(event.metadata(), Activities.REQUEST_TO_JOIN_GROUP, Activities.ADD, event.requestId(),
                event.groupId(), event.groupDisplayName(), event.requesterId(), event.requesterUserPrincipalName())
                .detail("approverCount", event.approverIds().size())
                .detail("justification", event.justification())
                .build();
    }

    /** "Approve a pending request to join a group"; {@code automatic} for an open group nobody had to decide. */
    static DirectoryAudit approved(MembershipRequestApproved event) {
        return request(event.metadata(), Activities.APPROVE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("decidedById", event.decidedById())
                .detail("automatic", event.automatic())
                .build();
    }

    /** "Reject a pending request to join a group", with the owner's reason. */
    static DirectoryAudit rejected(MembershipRequestRejected event) {
        return request(event.metadata(), Activities.REJECT_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("decidedById", event.decidedById())
                .detail("reason", event.reason())
                .build();
    }

    /** The owner's approval of a two-stage request: it now waits for a member of the approver group. */
    static DirectoryAudit firstStageApproved(MembershipRequestFirstStageApproved event) {
        return request(event.metadata(), Activities.APPROVE_FIRST_STAGE_OF_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("decidedById", event.decidedById())
                .detail("approverGroupId", event.approverGroupId())
                .build();
    }

    /** A request closed without a decision (its group was deleted). */
    static DirectoryAudit closed(MembershipRequestClosed event) {
        return request(event.metadata(), Activities.CLOSE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("reason", event.reason())
                .detail("previousStatus", event.previousStatus())
                .build();
    }

    /** "Update group join policy": the second approval stage, {@code secondStageApproverGroupId} old and new. */
    static DirectoryAudit secondStageApproverChanged(GroupSecondStageApproverChanged event) {
        return AuditEntry.of(event.metadata(), Activities.GROUP_MANAGEMENT, Activities.SELF_SERVICE_GROUP_MANAGEMENT,
                        Activities.UPDATE_GROUP_JOIN_POLICY, Activities.UPDATE)
                .target(new TargetResource(event.groupId(), event.groupDisplayName(), TargetResource.GROUP, null, null,
                        List.of(new ModifiedProperty("secondStageApproverGroupId",
                                AuditJson.text(event.previousApproverGroupId()),
                                AuditJson.text(event.approverGroupId())))))
                .build();
    }

    /** "Cancel a pending request to join a group": the requester withdrew it. */
    static DirectoryAudit cancelled(MembershipRequestCancelled event) {
        return request(event.metadata(), Activities.CANCEL_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName()).build();
    }

    static DirectoryAudit routed(MembershipRequestRouted event) {
        return request(event.metadata(), Activities.ROUTE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(), null)
                .detail("approverCount", event.approverIds().size())
                .detail("addedApproverIds", String.join(",", event.addedApproverIds()))
                .detail("removedApproverIds", String.join(",", event.removedApproverIds()))
                .build();
    }

    static DirectoryAudit reminded(MembershipRequestReminded event) {
        return request(event.metadata(), Activities.REMIND_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(), null)
                .detail("approverCount", event.approverIds().size())
                .detail("expiresAt", event.expiresAt())
                .build();
    }

    static DirectoryAudit expired(MembershipRequestExpired event) {
        return request(event.metadata(), Activities.EXPIRE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("expiresAt", event.expiresAt())
                .build();
    }

    /** "Complete a request to join a group": the directory added the member. */
    static DirectoryAudit completed(MembershipRequestCompleted event) {
        return request(event.metadata(), Activities.COMPLETE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .detail("directoryCommandId", event.directoryCommandId())
                .build();
    }

    /** The same activity as a completion, with result failure and the directory's refusal as the reason. */
    static DirectoryAudit addRefused(MembershipRequestAddRefused event) {
        return request(event.metadata(), Activities.COMPLETE_REQUEST_TO_JOIN_GROUP, Activities.UPDATE,
                event.requestId(), event.groupId(), event.groupDisplayName(), event.requesterId(),
                event.requesterUserPrincipalName())
                .result(DirectoryAudit.FAILURE, event.message() == null ? "" : event.message())
                .detail("directoryCommandId", event.directoryCommandId())
                .detail("errorCode", event.errorCode())
                .build();
    }

    /** "Update group join policy": the group, with {@code joinPolicy} old and new. */
    static DirectoryAudit joinPolicyChanged(GroupJoinPolicyChanged event) {
        return AuditEntry.of(event.metadata(), Activities.GROUP_MANAGEMENT, Activities.SELF_SERVICE_GROUP_MANAGEMENT,
                        Activities.UPDATE_GROUP_JOIN_POLICY, Activities.UPDATE)
                .target(new TargetResource(event.groupId(), event.groupDisplayName(), TargetResource.GROUP, null, null,
                        List.of(new ModifiedProperty("joinPolicy", AuditJson.text(event.previousJoinPolicy()),
                                AuditJson.text(event.joinPolicy())))))
                .build();
    }

    /** "Update My Groups settings": the tenant's settings as one target with every changed setting. */
    static DirectoryAudit tenantSettingsChanged(TenantSettingsChanged event) {
        return AuditEntry.of(event.metadata(), Activities.GROUP_MANAGEMENT, Activities.SELF_SERVICE_GROUP_MANAGEMENT,
                        Activities.UPDATE_MY_GROUPS_SETTINGS, Activities.UPDATE)
                .target(new TargetResource(TenantSettingsChanged.AGGREGATE_ID, "My Groups settings",
                        TargetResource.OTHER, null, null, event.modifiedProperties().stream()
                        .map(p -> new ModifiedProperty(p.displayName(), p.oldValue(), p.newValue())).toList()))
                .build();
    }

    private static AuditEntry request(EventMetadata metadata, String activity, String operation, String requestId,
                                      String groupId, String groupDisplayName, String requesterId,
                                      String requesterUserPrincipalName) {
        return AuditEntry.of(metadata, Activities.GROUP_MANAGEMENT, Activities.SELF_SERVICE_GROUP_MANAGEMENT,
                        activity, operation)
                .target(TargetResource.group(groupId, groupDisplayName))
                .target(new TargetResource(requesterId, null, TargetResource.USER, requesterUserPrincipalName, null,
                        List.of()))
                .detail("requestId", requestId);
    }
}
