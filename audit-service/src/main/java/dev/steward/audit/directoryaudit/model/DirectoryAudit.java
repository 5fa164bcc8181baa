package dev.steward.audit.directoryaudit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the directory audit log, in the shape of Microsoft Graph's {@code directoryAudit} resource.
 * Its {@code id} is the id of the integration event it was projected from; an event that yields one entry per
 * member or owner gives each entry a name-based UUID of the event id and that member's id. Either way, an event
 * delivered again maps to the same ids.
 *
 * @param result {@code success}, {@code failure} or {@code timeout}
 */
@JsonPropertyOrder({"id", "category", "correlationId", "result", "resultReason", "activityDisplayName",
        "activityDateTime", "loggedByService", "operationType", "initiatedBy", "targetResources", "additionalDetails"})
public record DirectoryAudit(
        String id,
        String category,
        String correlationId,
        String result,
        String resultReason,
        String activityDisplayName,
        Instant activityDateTime,
        String loggedByService,
        String operationType,
        InitiatedBy initiatedBy,
        List<TargetResource> targetResources,
        List<KeyValue> additionalDetails) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public DirectoryAudit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(activityDisplayName, "activityDisplayName");
        Objects.requireNonNull(activityDateTime, "activityDateTime");
        Objects.requireNonNull(loggedByService, "loggedByService");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        resultReason = resultReason == null ? "" : resultReason;
        targetResources = targetResources == null ? List.of() : List.copyOf(targetResources);
        additionalDetails = additionalDetails == null ? List.of() : List.copyOf(additionalDetails);
    }

    /** The value of the additional detail {@code key}, or null. */
    public String detail(String key) {
        return additionalDetails.stream().filter(d -> d.key().equals(key)).map(KeyValue::value).findFirst().orElse(null);
    }
}
