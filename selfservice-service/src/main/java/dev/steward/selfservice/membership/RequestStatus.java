package dev.steward.selfservice.membership;

/**
 * Where a membership request stands. {@code Pending} waits for an owner; from there it is approved, rejected,
 * cancelled by its requester, or expires. {@code Approved} waits for the directory to add the member: it becomes
 * {@code Completed} when the directory confirms, {@code AddRefused} when the directory refuses. A request that is
 * neither pending nor approved is final.
 */
public enum RequestStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    COMPLETED("Completed"),
    ADD_REFUSED("AddRefused"),
    REJECTED("Rejected"),
    CANCELLED("Cancelled"),
    EXPIRED("Expired");

    private final String wireName;

    RequestStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in API responses and in the database. */
    public String wireName() {
        return wireName;
    }

    /** Pending or approved: the user cannot ask again until the request is final. */
    public boolean isOpen() {
        return this == PENDING || this == APPROVED;
    }

    /** Whether a request in this status may move to {@code next}: the state machine in one place. */
    public boolean mayBecome(RequestStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REJECTED || next == CANCELLED || next == EXPIRED;
            case APPROVED -> next == COMPLETED || next == ADD_REFUSED;
            default -> false;
        };
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
