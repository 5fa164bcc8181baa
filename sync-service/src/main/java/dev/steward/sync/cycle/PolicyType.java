package dev.steward.sync.cycle;

import java.util.Arrays;
import java.util.Optional;

/** {@code Start-ADSyncSyncCycle -PolicyType Delta|Initial}. */
public enum PolicyType {
    /** Export only what differs from the connector space (and rolled-back groups awaiting takeover). */
    DELTA("Delta"),
    /** Full import and export of everything in scope. */
    INITIAL("Initial");

    private final String wireName;

    PolicyType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Case-insensitive, as PowerShell reads enum arguments. */
    public static Optional<PolicyType> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.wireName.equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    public static PolicyType fromWireName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown policy type " + name));
    }
}
