package dev.steward.selfservice.directory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code TIMESTAMP} columns: UTC, microsecond precision (what PostgreSQL and H2 keep), so a value
 * read back compares equal to the value written.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
