package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.event.MembershipRequested;
import java.util.List;

/** Audit entries of self-service events (service "Self-service Group Management"). */
final class SelfServiceEventAudits {

    private SelfServiceEventAudits() {
    }

    /** "Request to join a group": the group and the requester, and how many owners may approve. */
    static DirectoryAudit membershipRequested(MembershipRequested event) {
        return AuditEntry.of(event.metadata(), Activities.GROUP_MANAGEMENT, Activities.SELF_SERVICE_GROUP_MANAGEMENT,
                        Activities.REQUEST_TO_JOIN_GROUP, Activities.ADD)
                .target(new TargetResource(event.groupId(), event.groupDisplayName(), TargetResource.GROUP, null, null,
                        List.of()))
                .target(new TargetResource(event.requesterId(), null, TargetResource.USER,
                        event.requesterUserPrincipalName(), null, List.of()))
                .detail("requestId", event.requestId())
                .detail("approverCount", event.approverIds().size())
                .detail("justification", event.justification())
                .build();
    }
}
