package dev.steward.selfservice.membership.command;

import dev.steward.contracts.Initiator;
import dev.steward.selfservice.config.RequestLifecycleProperties;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.MembershipRequests.Transition;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests do not wait forever (beyond Entra): a pending request (either stage) expires {@code expire-after} after it was made, and
 * its approvers are reminded once, {@code remind-before} its expiry. Each request is handled in its own transaction
 * under its row lock, so a decision at the same moment and another instance's job give one outcome.
 */
@Component
public class RequestExpiry {

    /** The self-service application, as the initiator of what the job does. */
    public static final Initiator JOB = Initiator.app(null, "Self-service Group Management");
    private static final int BATCH = 500;

    private final MembershipRequests requests;
    private final RequestEvents events;
    private final RequestLifecycleProperties lifecycle;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public RequestExpiry(MembershipRequests requests, RequestEvents events, RequestLifecycleProperties lifecycle,
                         Clock clock, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.events = events;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.requests.check-interval:1m}")
    void scheduled() {
        run(clock.instant());
    }

    /** Expires what is due at {@code now}, then reminds what expires within {@code remind-before}. */
    public Result run(Instant now) {
        Instant at = Timestamps.stored(now);
        int expired = 0;
        for (String id : requests.pendingExpiredBy(at, at.minus(lifecycle.expireAfter()), BATCH)) {
            if (Boolean.TRUE.equals(transaction.execute(status -> expire(id, at)))) {
                expired++;
            }
        }
        int reminded = 0;
        for (String id : requests.pendingToRemind(at.plus(lifecycle.remindBefore()), BATCH)) {
            if (Boolean.TRUE.equals(transaction.execute(status -> remind(id, at)))) {
                reminded++;
            }
        }
        return new Result(expired, reminded);
    }

    private boolean expire(String id, Instant now) {
        MembershipRequest request = requests.findForUpdate(id).orElse(null);
        if (request == null || !request.status().isAwaitingDecision() || expiry(request).isAfter(now)) {
            return false;
        }
        requests.transition(id, request.status(), RequestStatus.EXPIRED, Transition.closed(now));
        events.expired(request, expiry(request), cause(id, now));
        return true;
    }

    private boolean remind(String id, Instant now) {
        MembershipRequest request = requests.findForUpdate(id).orElse(null);
        if (request == null || !request.status().isAwaitingDecision() || !requests.markReminded(id, now)) {
            return false;
        }
        events.reminded(request, expiry(request), cause(id, now));
        return true;
    }

    private Instant expiry(MembershipRequest request) {
        return request.expiresDateTime() != null ? request.expiresDateTime()
                : request.createdDateTime().plus(lifecycle.expireAfter());
    }

    private RequestEvents.Cause cause(String id, Instant now) {
        return new RequestEvents.Cause(now, JOB, requests.correlationId(id).orElse(id));
    }

    /** How many requests one run expired and reminded. */
    public record Result(int expired, int reminded) {
    }
}
