package dev.steward.sync.provisioning;

import dev.steward.sync.connectorspace.ObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One provisioning event of the sync engine, shaped after Graph's {@code provisioningObjectSummary}.
 *
 * @param action             {@code Skip}
 * @param status             {@code skipped}
 * @param eventCode          Connect Sync's event id: 6956 for a change withheld because the SOA is in the cloud
 * @param modifiedProperties the AD values that differ from the last export: {displayName, oldValue, newValue}
 */
public record ProvisioningLogEntry(
        String id,
        Instant activityDateTime,
        String cycleId,
        String action,
        String status,
        int eventCode,
        String reason,
        ObjectType identityType,
        String sourceId,
        String sourceDisplayName,
        String sourceDistinguishedName,
        String targetId,
        String targetDisplayName,
        List<Map<String, String>> modifiedProperties) {

    public static final String ACTION_SKIP = "Skip";
    public static final String STATUS_SKIPPED = "skipped";

    public ProvisioningLogEntry {
        modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
    }
}
