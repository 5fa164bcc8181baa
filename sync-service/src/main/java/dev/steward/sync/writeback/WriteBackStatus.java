package dev.steward.sync.writeback;

/** Where a group stands with write-back; shown as its {@code toString()} ({@code Pending}, {@code Written}, ...). */
public enum WriteBackStatus {
    /** Changed in the cloud (or new) and not written yet. */
    PENDING("Pending"),
    /** AD holds what the cloud held at the last run. */
    WRITTEN("Written"),
    /** The last attempt failed (AD away, constraint violation, ...); retried at the next run. */
    FAILED("Failed"),
    /** AD was changed directly since the last write: nothing is written until an admin resolves the drift. */
    HELD("Held"),
    /** A cloud value AD cannot store (a NUL in the name); retried when the cloud value changes. */
    REFUSED("Refused"),
    /** Deleted in the cloud, and its AD group deleted. */
    DELETED("Deleted"),
    /** An SOA-converted group deleted in the cloud: its AD group (and SID) is left to AD's admins. */
    LEFT_IN_AD("LeftInAd"),
    /** Not written back: outside the scope, not a security group, or mastered by AD. */
    OUT_OF_SCOPE("OutOfScope");

    private final String wireName;

    WriteBackStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }

    public static WriteBackStatus fromWireName(String name) {
        for (WriteBackStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown write-back status " + name);
    }
}
