package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
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
