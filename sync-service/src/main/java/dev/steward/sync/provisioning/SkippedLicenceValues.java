package dev.steward.sync.provisioning;

import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.export.ObjectExport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records values of the licence attribute ({@code steward.sync.licences.attribute}) that are not SKU ids (GUIDs): the
 * sync engine skips them (the user's other licences and values are exported) and writes a provisioning log entry
 * (action {@code Skip}, status {@code skipped}, no Connect Sync event), once per user and distinct set of such values:
 * its id is derived from the user's anchor and the values, so a full read that finds them again adds nothing.
 */
@Component
public class SkippedLicenceValues {

    /** No Connect Sync event stands for a licence value skipped. */
    public static final int NO_EVENT = 0;
    public static final String PROPERTY = "assignedLicenses";

    private static final Logger log = LoggerFactory.getLogger(SkippedLicenceValues.class);

    private final ProvisioningLog provisioningLog;
    private final Clock clock;

    public SkippedLicenceValues(ProvisioningLog provisioningLog, Clock clock) {
        this.provisioningLog = provisioningLog;
        this.clock = clock;
    }

    static UUID id(String anchor, List<String> invalid) {
        return UUID.nameUUIDFromBytes(("steward:sync:licence-values-skipped:" + anchor + ":" + String.join("\n", invalid))
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String reason(String attribute, List<String> invalid) {
        return "The value" + (invalid.size() == 1 ? " " : "s ") + String.join(", ", invalid.stream()
                .map(value -> "'" + value + "'").toList()) + " of " + attribute + (invalid.size() == 1 ? " is" : " are")
                + " not a licence SKU id (a GUID) and " + (invalid.size() == 1 ? "was" : "were") + " skipped.";
    }

    /**
     * Call inside the transaction that holds the user's connector-space row, when its licence attribute holds values
     * that are not GUIDs.
     *
     * @return true if this set of values was recorded now (not before)
     */
    public boolean record(String cycleId, String attribute, ObjectExport user, List<String> invalid) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("displayName", PROPERTY);
        change.put("oldValue", "null");
        change.put("newValue", ExportedValues.toJson(invalid));
        String reason = reason(attribute, invalid);
        boolean added = provisioningLog.addIfAbsent(new ProvisioningLogEntry(id(user.anchor(), invalid).toString(),
                clock.instant(), cycleId, ProvisioningLogEntry.ACTION_SKIP, ProvisioningLogEntry.STATUS_SKIPPED,
                NO_EVENT, reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason, user.objectType(),
                user.anchor(), user.displayName(), user.distinguishedName(), user.cloudId(), user.displayName(),
                List.of(change)));
        if (added) {
            log.warn("{} ({}): {}", user.displayName(), user.cloudId(), reason);
        }
        return added;
    }
}
