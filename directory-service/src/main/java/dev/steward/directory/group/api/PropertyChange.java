package dev.steward.directory.group.api;

/** One changed property, as Graph's audit {@code modifiedProperties}: the values are JSON text (null stays null). */
public record PropertyChange(String property, String oldValue, String newValue) {
}
