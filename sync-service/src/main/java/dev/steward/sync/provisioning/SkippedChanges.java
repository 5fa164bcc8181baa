package dev.steward.sync.provisioning;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.platform.outbox.Outbox;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.export.ObjectExport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records an AD change the sync engine withheld because the object's Source of Authority is in the cloud: a
 * provisioning log entry (action {@code Skip}, event 6956) and a {@link SyncChangeSkipped} event, as Connect Sync's
 * event 6956 and Cloud Sync's "Skipped" provisioning log entry do. The event goes through the outbox, in the
 * transaction of the log entry and the connector-space row, under an id derived from the cycle and the object: the
 * same skip recorded again in the same cycle (a retried transaction) is the same event.
 */
@Component
public class SkippedChanges {

    public static final String REASON =
            "The object has not been synced to the cloud because the source of authority of the object is in the cloud.";

    private static final Logger log = LoggerFactory.getLogger(SkippedChanges.class);

    private final ProvisioningLog provisioningLog;
    private final Outbox outbox;
    private final Clock clock;

    public SkippedChanges(ProvisioningLog provisioningLog, Outbox outbox, Clock clock) {
        this.provisioningLog = provisioningLog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The id of the skip of {@code anchor}'s change in {@code cycleId}: its log entry's id and its event's id. */
    public static UUID skipId(String cycleId, String anchor) {
        return UUID.nameUUIDFromBytes(("steward:sync:change-skipped:" + cycleId + ":" + anchor)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Call inside the transaction that holds the object's connector-space row. {@code exported} and {@code withheld}
     * are the object's whole state (a group's membership included) as last exported and as AD holds it.
     */
    public ProvisioningLogEntry record(String cycleId, Initiator initiator, ObjectExport export,
                                       ConnectorSpaceEntry entry, SortedMap<String, Object> exported,
                                       SortedMap<String, Object> withheld) {
        UUID id = skipId(cycleId, export.anchor());
        Instant now = clock.instant();
        Object cloudName = exported.get("displayName");
        ProvisioningLogEntry logEntry = new ProvisioningLogEntry(id.toString(), now, cycleId,
                ProvisioningLogEntry.ACTION_SKIP, ProvisioningLogEntry.STATUS_SKIPPED,
                SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD, REASON, export.objectType(), export.anchor(),
                export.displayName(), export.distinguishedName(), export.cloudId(),
                cloudName != null ? cloudName.toString() : entry.displayName(),
                ExportedValues.differences(exported, withheld));
        provisioningLog.add(logEntry);
        outbox.append(Topics.SYNC_EVENTS, new SyncChangeSkipped(
                new EventMetadata(id, now, export.cloudId(), cycleId, initiator, EventMetadata.CURRENT_SCHEMA_VERSION),
                cycleId, export.cloudId(), export.anchor(), export.objectType().wireName(), export.displayName(),
                export.distinguishedName(), SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD, REASON));
        log.info("skipped the AD change of {} ({}): its Source of Authority is in the cloud (event 6956)",
                export.displayName(), export.cloudId());
        return logEntry;
    }
}
