package dev.steward.selfservice.membership;

/** Where a membership request stands. Deciding requests (approve, reject, cancel) comes with its own issue. */
public enum RequestStatus {
    PENDING("Pending");

    private final String wireName;

    RequestStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in API responses and in the database. */
    public String wireName() {
        return wireName;
    }

    public static RequestStatus fromWireName(String name) {
        for (RequestStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown request status '" + name + "'");
    }
}
