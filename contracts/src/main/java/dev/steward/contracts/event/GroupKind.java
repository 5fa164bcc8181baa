package dev.steward.contracts.event;

import java.util.List;

/** The four kinds of group, derived from {@code groupTypes}, {@code mailEnabled} and {@code securityEnabled}. */
public enum GroupKind {
    SECURITY,
    MICROSOFT_365,
    MAIL_ENABLED_SECURITY,
    DISTRIBUTION;

    public static GroupKind of(List<String> groupTypes, boolean mailEnabled, boolean securityEnabled) {
        if (groupTypes != null && groupTypes.contains("Unified")) {
            return MICROSOFT_365;
        }
        if (mailEnabled) {
            return securityEnabled ? MAIL_ENABLED_SECURITY : DISTRIBUTION;
        }
        return SECURITY;
    }

    /** Mail-enabled security and distribution groups are managed only through the mail system. */
    public boolean isMailSystemManaged() {
        return this == MAIL_ENABLED_SECURITY || this == DISTRIBUTION;
    }
}
