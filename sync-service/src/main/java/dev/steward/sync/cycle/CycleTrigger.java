package dev.steward.sync.cycle;

import java.util.Arrays;

/** Why a cycle ran. */
public enum CycleTrigger {
    ON_DEMAND("OnDemand"),
    SCHEDULED("Scheduled"),
    STARTUP("Startup");

    private final String wireName;

    CycleTrigger(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CycleTrigger fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cycle trigger " + name));
    }
}
