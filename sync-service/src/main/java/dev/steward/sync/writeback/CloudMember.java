package dev.steward.sync.writeback;

/**
 * A cloud member of a written-back group and what write-back does with it.
 *
 * @param adDn the member's DN in AD; null when it has none
 */
public record CloudMember(String id, Disposition disposition, String adDn) {

    public enum Disposition {
        /** An AD-backed user or a written-back group: written. */
        WRITTEN,
        /** A group mastered by AD: never written ("no dual write"); left as it is in AD. */
        AD_MASTERED,
        /** A cloud-only user, or a group not written back: cannot be written. */
        NOT_IN_AD
    }

    static CloudMember writable(String id, String adDn) {
        return new CloudMember(id, Disposition.WRITTEN, adDn);
    }

    static CloudMember adMastered(String id, String adDn) {
        return new CloudMember(id, Disposition.AD_MASTERED, adDn);
    }

    static CloudMember notInAd(String id) {
        return new CloudMember(id, Disposition.NOT_IN_AD, null);
    }
}
