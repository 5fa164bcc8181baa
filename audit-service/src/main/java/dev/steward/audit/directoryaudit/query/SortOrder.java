package dev.steward.audit.directoryaudit.query;

/** The order of entries by {@code activityDateTime} (ties broken by id, so pages never overlap). */
public enum SortOrder {
    DESC,
    ASC
}
