package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.PendingRequests;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/** A user has at most one pending request per group: asking again while one waits is refused. */
@Component
public class SinglePendingRequestPolicy {

    private final PendingRequests pending;

    public SinglePendingRequestPolicy(PendingRequests pending) {
        this.pending = pending;
    }

    /** @throws MembershipRequestRefused when a request of this user for this group is still pending */
    public void check(KnownGroup group, String requesterId) {
        if (pending.exists(group.id(), requesterId)) {
            throw new MembershipRequestRefused(RefusalReason.REQUEST_ALREADY_PENDING,
                    "A request of user '" + requesterId + "' to join group '" + group.displayName()
                            + "' is already pending.");
        }
    }
}
