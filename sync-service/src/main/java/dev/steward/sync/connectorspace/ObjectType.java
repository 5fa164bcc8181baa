package dev.steward.sync.connectorspace;

import java.util.Locale;

/** What kind of AD object a connector-space entry stands for. */
public enum ObjectType {
    USER,
    GROUP;

    /** The stored and displayed name: {@code user}, {@code group}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Graph's identityType spelling: {@code User}, {@code Group}. */
    public String identityType() {
        return this == USER ? "User" : "Group";
    }

    public static ObjectType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
