package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import java.util.List;
import java.util.Locale;

/** Audit entries of the sync engine's events (service "Sync Engine", category "Synchronization"). */
final class SyncEventAudits {

    static final String FAILED = "Failed";

    private SyncEventAudits() {
    }

    /**
     * "Skip synchronization of object": the sync engine left an AD change out because the object's Source of
     * Authority is in the cloud. Skipping is the intended outcome, so the result is success with the reason.
     */
    static DirectoryAudit syncChangeSkipped(SyncChangeSkipped event) {
        return AuditEntry.of(event.metadata(), Activities.SYNCHRONIZATION, Activities.SYNC_ENGINE,
                        Activities.SKIP_SYNCHRONIZATION, Activities.UPDATE)
                .result(DirectoryAudit.SUCCESS, event.reason())
                .target(new TargetResource(event.objectId(), event.displayName(), targetType(event.objectType()), null,
                        null, List.of()))
                .detail("eventId", event.eventCode())
                .detail("cycleId", event.cycleId())
                .detail("onPremisesAnchor", event.onPremisesAnchor())
                .detail("distinguishedName", event.distinguishedName())
                .build();
    }

    /** "Run synchronization cycle": a failed cycle is recorded with result failure and its error as the reason. */
    static DirectoryAudit syncCycleCompleted(SyncCycleCompleted event) {
        boolean failed = FAILED.equalsIgnoreCase(event.status());
        return AuditEntry.of(event.metadata(), Activities.SYNCHRONIZATION, Activities.SYNC_ENGINE,
                        Activities.RUN_SYNCHRONIZATION_CYCLE, Activities.UPDATE)
                .result(failed ? DirectoryAudit.FAILURE : DirectoryAudit.SUCCESS, failed ? event.error() : "")
                .detail("cycleId", event.cycleId())
                .detail("policyType", event.policyType())
                .detail("status", event.status())
                .detail("startedAt", event.startedAt())
                .detail("completedAt", event.completedAt())
                .detail("objectsAdded", event.objectsAdded())
                .detail("objectsUpdated", event.objectsUpdated())
                .detail("objectsUnchanged", event.objectsUnchanged())
                .detail("objectsSkipped", event.objectsSkipped())
                .detail("objectsFailed", event.objectsFailed())
                .build();
    }

    /**
     * "Write back group to on-premises directory": write-back's outcome for a cloud group. Written is an update of the
     * AD group, Deleted and LeftInAd a deletion (the AD group deleted, or left in AD for a converted group), Refused and
     * Failed a failure with the reason.
     */
    static DirectoryAudit groupWrittenBack(GroupWrittenBack event) {
        boolean failed = GroupWrittenBack.REFUSED.equals(event.outcome()) || GroupWrittenBack.FAILED.equals(event.outcome());
        boolean deleted = GroupWrittenBack.DELETED.equals(event.outcome())
                || GroupWrittenBack.LEFT_IN_AD.equals(event.outcome());
        return AuditEntry.of(event.metadata(), Activities.SYNCHRONIZATION, Activities.SYNC_ENGINE,
                        Activities.WRITE_BACK_GROUP, deleted ? Activities.DELETE : Activities.UPDATE)
                .result(failed ? DirectoryAudit.FAILURE : DirectoryAudit.SUCCESS, event.reason())
                .target(TargetResource.group(event.groupId(), event.displayName()))
                .detail("outcome", event.outcome())
                .detail("adObjectGuid", event.adObjectGuid())
                .detail("distinguishedName", event.distinguishedName())
                .detail("membersAdded", event.membersAdded())
                .detail("membersRemoved", event.membersRemoved())
                .detail("membersNotWritten", event.membersNotWritten())
                .build();
    }

    /**
     * "Hold group write-back: changed in on-premises directory": a written-back group was changed directly in AD, and
     * write-back holds it instead of overwriting the change; a failure until an administrator resolves it.
     */
    static DirectoryAudit writeBackDriftDetected(WriteBackDriftDetected event) {
        return AuditEntry.of(event.metadata(), Activities.SYNCHRONIZATION, Activities.SYNC_ENGINE,
                        Activities.DETECT_WRITE_BACK_DRIFT, Activities.UPDATE)
                .result(DirectoryAudit.FAILURE, "The group was changed directly in the on-premises directory; "
                        + "write-back holds it until the drift is resolved.")
                .target(TargetResource.group(event.groupId(), event.displayName()))
                .detail("driftId", event.driftId())
                .detail("distinguishedName", event.distinguishedName())
                .detail("membersAddedInAd", String.join("; ", event.membersAddedInAd()))
                .detail("membersRemovedInAd", String.join("; ", event.membersRemovedInAd()))
                .detail("attributesChanged", String.join("; ", event.attributesChanged()))
                .build();
    }

    /** "Resolve group write-back drift": an administrator let the cloud win; the initiator is who resolved it. */
    static DirectoryAudit writeBackDriftResolved(WriteBackDriftResolved event) {
        return AuditEntry.of(event.metadata(), Activities.SYNCHRONIZATION, Activities.SYNC_ENGINE,
                        Activities.RESOLVE_WRITE_BACK_DRIFT, Activities.UPDATE)
                .result(DirectoryAudit.SUCCESS, "")
                .target(TargetResource.group(event.groupId(), event.displayName()))
                .detail("resolvedBy", event.resolvedBy())
                .build();
    }

    /** The sync engine's object types ({@code group}, {@code user}) as Graph target types. */
    static String targetType(String objectType) {
        if (objectType == null) {
            return TargetResource.OTHER;
        }
        return switch (objectType.toLowerCase(Locale.ROOT)) {
            case "group" -> TargetResource.GROUP;
            case "user" -> TargetResource.USER;
            default -> TargetResource.OTHER;
        };
    }
}
