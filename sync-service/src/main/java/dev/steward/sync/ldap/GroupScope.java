package dev.steward.sync.ldap;

/** The scope bits of AD's {@code groupType}. */
public enum GroupScope {
    /** 0x2 */
    GLOBAL,
    /** 0x4 */
    DOMAIN_LOCAL,
    /** 0x8 */
    UNIVERSAL,
    /** none of the three bits (e.g. a built-in group with only 0x1) */
    UNKNOWN
}
