package dev.steward.audit.directoryaudit.summary;

import java.time.Instant;

/** How many entries of one activity fall in the hour starting at {@code periodStartDateTime} (UTC). */
public record ActivityCount(String activityDisplayName, Instant periodStartDateTime, long count) {
}
