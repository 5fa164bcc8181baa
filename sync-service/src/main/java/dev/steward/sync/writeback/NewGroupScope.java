package dev.steward.sync.writeback;

import dev.steward.sync.ldap.GroupType;
import java.util.Locale;

/** The AD scope given to a group write-back creates; always a security group. */
public enum NewGroupScope {
    GLOBAL(GroupType.GLOBAL),
    DOMAIN_LOCAL(GroupType.DOMAIN_LOCAL),
    UNIVERSAL(GroupType.UNIVERSAL);

    private final int scopeBit;

    NewGroupScope(int scopeBit) {
        this.scopeBit = scopeBit;
    }

    /** The signed 32-bit {@code groupType} AD stores: the scope bit and the security bit. */
    public int groupType() {
        return scopeBit | GroupType.SECURITY_ENABLED;
    }

    /** {@code universal}, {@code global}, {@code domain-local} (also {@code domain_local}, {@code domainLocal}). */
    public static NewGroupScope parse(String text) {
        String name = text == null ? "" : text.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "universal" -> UNIVERSAL;
            case "global" -> GLOBAL;
            case "domainlocal" -> DOMAIN_LOCAL;
            default -> throw new IllegalArgumentException("steward.sync.writeback.group-scope must be universal, "
                    + "global or domain-local, not " + text);
        };
    }
}
