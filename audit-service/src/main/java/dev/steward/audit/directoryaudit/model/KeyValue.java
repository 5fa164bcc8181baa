package dev.steward.audit.directoryaudit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One of an entry's {@code additionalDetails}. */
@JsonPropertyOrder({"key", "value"})
public record KeyValue(String key, String value) {
}
