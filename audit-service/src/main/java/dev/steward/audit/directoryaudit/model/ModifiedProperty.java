package dev.steward.audit.directoryaudit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A property of a target that the activity changed; the values are JSON text, null when there was none. */
@JsonPropertyOrder({"displayName", "oldValue", "newValue"})
public record ModifiedProperty(String displayName, String oldValue, String newValue) {
}
