package dev.steward.contracts.event;

/** One changed property, as Graph's audit {@code modifiedProperties}: values are JSON text. */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {
}
