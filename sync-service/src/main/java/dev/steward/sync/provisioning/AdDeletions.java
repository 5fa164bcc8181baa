package dev.steward.sync.provisioning;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what a cycle did about an AD object that was deleted (tombstone) or left the scope, in the provisioning
 * log. The cycle sends the directory a {@code SyncDeletion}; until the directory confirms it (and the connector-space
 * entry goes) the deletion is recorded as pending ({@code Delete} / {@code pending}). A group whose Source of
 * Authority is in the cloud is never deleted by a
 * sync: that is recorded as a skip (event 6956) with a {@link SyncChangeSkipped} event, like any other skipped change.
 * Call inside the transaction that holds the object's connector-space row.
 */
@Component
public class AdDeletions {

    public static final String ACTION_DELETE = "Delete";
    public static final String STATUS_PENDING = "pending";
    /** No Connect Sync event stands for a pending deletion. */
    public static final int NO_EVENT = 0;
    public static final String DELETED_REASON = "The object was deleted in Active Directory: its cloud object is "
            + "deleted.";
    public static final String LEFT_SCOPE_REASON = "The object left the sync scope in Active Directory: its cloud "
            + "object is deleted.";

    private static final Logger log = LoggerFactory.getLogger(AdDeletions.class);

    private final ProvisioningLog provisioningLog;
    private final Outbox outbox;
    private final Clock clock;

    public AdDeletions(ProvisioningLog provisioningLog, Outbox outbox, Clock clock) {
        this.provisioningLog = provisioningLog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The cloud object should go: recorded as a pending deletion. */
    public ProvisioningLogEntry recordPending(String cycleId, ConnectorSpaceEntry entry, boolean leftScope) {
        ProvisioningLogEntry logEntry = new ProvisioningLogEntry(pendingId(cycleId, entry.anchor()).toString(),
                clock.instant(), cycleId, ACTION_DELETE, STATUS_PENDING, NO_EVENT,
                leftScope ? LEFT_SCOPE_REASON : DELETED_REASON, entry.objectType(), entry.anchor(), entry.displayName(),
                entry.distinguishedName(), entry.cloudId(), entry.displayName(), deletion(leftScope));
        provisioningLog.add(logEntry);
        log.info("{} {} ({}) {} in AD: its cloud object is being deleted", entry.objectType().wireName(),
                entry.displayName(), entry.cloudId(), leftScope ? "left the scope" : "was deleted");
        return logEntry;
    }

    /** The group's Source of Authority is in the cloud: the AD deletion is skipped (event 6956). */
    public ProvisioningLogEntry recordSkipped(String cycleId, Initiator initiator, ConnectorSpaceEntry entry,
                                              boolean leftScope) {
        UUID id = SkippedChanges.skipId(cycleId, entry.anchor());
        Instant now = clock.instant();
        ProvisioningLogEntry logEntry = new ProvisioningLogEntry(id.toString(), now, cycleId,
                ProvisioningLogEntry.ACTION_SKIP, ProvisioningLogEntry.STATUS_SKIPPED,
                SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD, SkippedChanges.REASON, entry.objectType(),
                entry.anchor(), entry.displayName(), entry.distinguishedName(), entry.cloudId(), entry.displayName(),
                deletion(leftScope));
        provisioningLog.add(logEntry);
        outbox.append(Topics.SYNC_EVENTS, new SyncChangeSkipped(
                new EventMetadata(id, now, entry.cloudId(), cycleId, initiator, EventMetadata.CURRENT_SCHEMA_VERSION),
                cycleId, entry.cloudId(), entry.anchor(), entry.objectType().wireName(), entry.displayName(),
                entry.distinguishedName(), SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD, SkippedChanges.REASON));
        log.info("skipped the AD deletion of {} ({}): its Source of Authority is in the cloud (event 6956)",
                entry.displayName(), entry.cloudId());
        return logEntry;
    }

    static UUID pendingId(String cycleId, String anchor) {
        return UUID.nameUUIDFromBytes(("steward:sync:deletion-pending:" + cycleId + ":" + anchor)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The change, as modifiedProperties: {@code isDeleted} false -> true, or {@code inScope} true -> false. */
    private static List<Map<String, String>> deletion(boolean leftScope) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("displayName", leftScope ? "inScope" : "isDeleted");
        change.put("oldValue", leftScope ? "true" : "false");
        change.put("newValue", leftScope ? "false" : "true");
        return List.of(change);
    }
}
