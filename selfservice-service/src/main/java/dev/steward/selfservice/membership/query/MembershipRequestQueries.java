package dev.steward.selfservice.membership.query;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.RequestCursor;
import dev.steward.selfservice.membership.RequestPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a signed-in user sees of membership requests: their approvals inbox, their own requests, one request. */
@Service
@Transactional(readOnly = true)
public class MembershipRequestQueries {

    private final MyGroupsReadPermission readPermission;
    private final RequestVisibilityPolicy visibility;
    private final MembershipRequests requests;
    private final RequestParticipants participants;

    public MembershipRequestQueries(MyGroupsReadPermission readPermission, RequestVisibilityPolicy visibility,
                                    MembershipRequests requests, RequestParticipants participants) {
        this.readPermission = readPermission;
        this.visibility = visibility;
        this.requests = requests;
        this.participants = participants;
    }

    /**
     * Pending requests to join the groups the caller owns now, and second-stage requests of the approver groups the
     * caller is a member of now: an owner sees only their own groups' requests. A group administrator, who may see
     * and decide every request, sees every request waiting for a decision.
     *
     * @throws AccessDeniedException when the caller may not read My Groups
     */
    public RequestPage approvalsOf(Caller caller, RequestCursor after, int limit) {
        readPermission.check(caller);
        return visibility.seesEveryRequest(caller) ? requests.awaitingDecision(after, limit)
                : requests.pendingForOwner(caller.userId(), after, limit);
    }

    /** The requests the caller made. */
    public RequestPage requestsOf(Caller caller, RequestCursor after, int limit) {
        readPermission.check(caller);
        return requests.madeBy(caller.userId(), after, limit);
    }

    /** @throws MembershipRequestRefused (not found) for a request that does not exist or that the caller may not see */
    public MembershipRequest find(Caller caller, String requestId) {
        readPermission.check(caller);
        return requests.find(requestId)
                .filter(request -> visibility.canView(caller, request, participants.of(request)))
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.REQUEST_NOT_FOUND, requestId));
    }
}
