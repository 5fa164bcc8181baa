package dev.steward.platform.odata;

/**
 * The type of a filterable property, which decides the literals it is compared with and the value a translator
 * receives: {@link String}, {@link Boolean}, {@link java.math.BigDecimal}, or a UTC {@link java.time.OffsetDateTime}.
 */
public enum FilterType {
    /** A quoted string; a GUID literal is taken as its lower-case text. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A number such as {@code 42} or {@code -1.5}. */
    NUMBER,
    /** A date-time with an offset (RFC 3339), unquoted or quoted: {@code 2026-01-01T00:00:00Z}. */
    DATE_TIME,
    /** A collection tested with {@code any}; its elements are described by their own {@link FilterSchema}. */
    COLLECTION
}
