package dev.steward.selfservice.membership;

import java.util.List;

/** One page of requests; {@code next} is where the following page starts, null on the last page. */
public record RequestPage(List<MembershipRequest> requests, RequestCursor next) {

    public RequestPage {
        requests = List.copyOf(requests);
    }
}
