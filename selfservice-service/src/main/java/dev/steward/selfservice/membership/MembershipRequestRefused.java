package dev.steward.selfservice.membership;

/** A rule refused a membership request (or a lookup); the message says why, for the caller. */
public class MembershipRequestRefused extends RuntimeException {

    private final RefusalReason reason;

    public MembershipRequestRefused(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** Graph's wording for an object that does not exist, or that the caller may not see. */
    public static MembershipRequestRefused notFound(RefusalReason reason, String id) {
        return new MembershipRequestRefused(reason, "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
