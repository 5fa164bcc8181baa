package dev.steward.selfservice.membership;

/**
 * Where a membership request stands. {@code Pending} waits for an owner; from there it is approved, rejected,
 * cancelled by its requester, or expires. When the group's join policy names a second approver group, an owner's
 * approval makes it {@code PendingSecondStage}: it waits for one member of that group, who approves or rejects (and it
 * may still be cancelled or expire). {@code Approved} waits for the directory to add the member: it becomes
 * {@code Completed} when the directory confirms, {@code AddRefused} when the directory refuses. A request waiting for a
 * decision is {@code Closed} when its group is deleted. A request that is neither waiting nor approved is final.
 */
public enum RequestStatus {
    PENDING("Pending"),
    PENDING_SECOND_STAGE("PendingSecondStage"),
    APPROVED("Approved"),
    COMPLETED("Completed"),
    ADD_REFUSED("AddRefused"),
    REJECTED("Rejected"),
    CANCELLED("Cancelled"),
    EXPIRED("Expired"),
    CLOSED("Closed");

    private final String wireName;

    RequestStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in API responses and in the database. */
    public String wireName() {
        return wireName;
    }

    /** Waiting for a decision or approved: the user cannot ask again until the request is final. */
    public boolean isOpen() {
        return isAwaitingDecision() || this == APPROVED;
    }

    /** Waiting for an owner (first stage) or for the approver group (second stage). */
    public boolean isAwaitingDecision() {
        return this == PENDING || this == PENDING_SECOND_STAGE;
    }

    /** Whether a request in this status may move to {@code next}: the state machine in one place. */
    public boolean mayBecome(RequestStatus next) {
        return switch (this) {
            case PENDING -> next == PENDING_SECOND_STAGE || next == APPROVED || next == REJECTED
                    || next == CANCELLED || next == EXPIRED || next == CLOSED;
            case PENDING_SECOND_STAGE -> next == APPROVED || next == REJECTED || next == CANCELLED
                    || next == EXPIRED || next == CLOSED;
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
