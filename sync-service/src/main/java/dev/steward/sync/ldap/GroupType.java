package dev.steward.sync.ldap;

/**
 * AD's {@code groupType} integer read as scope and security: 0x2 global, 0x4 domain local, 0x8 universal,
 * 0x80000000 security enabled (global security = -2147483646, universal distribution = 8).
 *
 * @param builtIn the 0x1 bit: a group created by the system
 */
public record GroupType(int value, GroupScope scope, boolean securityEnabled, boolean builtIn) {

    public static final int BUILTIN = 0x1;
    public static final int GLOBAL = 0x2;
    public static final int DOMAIN_LOCAL = 0x4;
    public static final int UNIVERSAL = 0x8;
    public static final int SECURITY_ENABLED = 0x80000000;

    /** What AD gives a new group when nothing else is asked for: global security. */
    public static final int AD_DEFAULT = GLOBAL | SECURITY_ENABLED;

    public static GroupType of(int value) {
        GroupScope scope;
        if ((value & GLOBAL) != 0) {
            scope = GroupScope.GLOBAL;
        } else if ((value & DOMAIN_LOCAL) != 0) {
            scope = GroupScope.DOMAIN_LOCAL;
        } else if ((value & UNIVERSAL) != 0) {
            scope = GroupScope.UNIVERSAL;
        } else {
            scope = GroupScope.UNKNOWN;
        }
        return new GroupType(value, scope, (value & SECURITY_ENABLED) != 0, (value & BUILTIN) != 0);
    }

    /**
     * Reads the attribute's text: AD writes a signed 32-bit integer; some tools write the same bits unsigned.
     *
     * @throws IllegalArgumentException when the text is not such an integer
     */
    public static GroupType parse(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < Integer.MIN_VALUE || value > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("groupType " + text + " is not a 32-bit value");
            }
            return of((int) value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("groupType '" + text + "' is not an integer");
        }
    }
}
