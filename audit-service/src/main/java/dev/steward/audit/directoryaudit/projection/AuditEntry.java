package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.InitiatedBy;
import dev.steward.audit.directoryaudit.model.KeyValue;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import java.util.ArrayList;
import java.util.List;

/** Builds an entry from an event's metadata: the fields every activity shares. */
final class AuditEntry {

    private final EventMetadata metadata;
    private final String category;
    private final String loggedByService;
    private final String activityDisplayName;
    private final String operationType;
    private final List<TargetResource> targets = new ArrayList<>();
    private final List<KeyValue> details = new ArrayList<>();
    private String id;
    private String result = DirectoryAudit.SUCCESS;
    private String resultReason = "";

    private AuditEntry(EventMetadata metadata, String category, String loggedByService, String activityDisplayName,
                       String operationType) {
        this.metadata = metadata;
        this.category = category;
        this.loggedByService = loggedByService;
        this.activityDisplayName = activityDisplayName;
        this.operationType = operationType;
    }

    static AuditEntry of(EventMetadata metadata, String category, String loggedByService, String activityDisplayName,
                         String operationType) {
        return new AuditEntry(metadata, category, loggedByService, activityDisplayName, operationType);
    }

    /** Sets the entry's id; without this it is the event id. */
    AuditEntry id(String id) {
        this.id = id;
        return this;
    }

    AuditEntry target(TargetResource target) {
        targets.add(target);
        return this;
    }

    /** Adds a detail unless its value is null. */
    AuditEntry detail(String key, Object value) {
        if (value != null) {
            details.add(new KeyValue(key, value.toString()));
        }
        return this;
    }

    AuditEntry result(String result, String reason) {
        this.result = result;
        this.resultReason = reason == null ? "" : reason;
        return this;
    }

    DirectoryAudit build() {
        String eventId = metadata.eventId().toString();
        String correlationId = metadata.correlationId() == null || metadata.correlationId().isBlank()
                ? eventId : metadata.correlationId();
        return new DirectoryAudit(id == null ? eventId : id, category, correlationId, result, resultReason, activityDisplayName,
                metadata.occurredAt(), loggedByService, operationType, initiatedBy(metadata.initiator()),
                targets, details);
    }

    /** Graph's {@code initiatedBy} from the event's initiator; the part that did not act is null. */
    static InitiatedBy initiatedBy(Initiator initiator) {
        if (initiator == null) {
            return InitiatedBy.NOBODY;
        }
        InitiatedBy.UserIdentity user = initiator.userId() == null && initiator.userPrincipalName() == null ? null
                : new InitiatedBy.UserIdentity(initiator.userId(), initiator.displayName(),
                initiator.userPrincipalName(), initiator.ipAddress());
        InitiatedBy.AppIdentity app = initiator.appId() == null ? null
                : new InitiatedBy.AppIdentity(initiator.appId(), initiator.appDisplayName(), null, null);
        return new InitiatedBy(user, app);
    }
}
