package dev.steward.sync.cycle;

import java.util.Locale;

/** What happened to one object in a cycle; the names are the count columns. */
public enum Outcome {
    ADDED,
    UPDATED,
    UNCHANGED,
    SKIPPED,
    FAILED;

    public String column() {
        return "objects_" + name().toLowerCase(Locale.ROOT);
    }
}
