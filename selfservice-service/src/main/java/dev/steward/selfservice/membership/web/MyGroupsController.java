package dev.steward.selfservice.membership.web;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.RequestIdFilter;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestDraft;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.RequestCursor;
import dev.steward.selfservice.membership.RequestPage;
import dev.steward.selfservice.membership.command.MembershipRequestService;
import dev.steward.selfservice.membership.query.MembershipRequestQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** My Groups for the signed-in user: ask to join a group, see one's own requests and the approvals inbox. */
@RestController
@RequestMapping(path = "/mygroups", produces = MediaType.APPLICATION_JSON_VALUE)
class MyGroupsController {

    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 999;

    private final MembershipRequestService service;
    private final MembershipRequestQueries queries;

    MyGroupsController(MembershipRequestService service, MembershipRequestQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @PostMapping(path = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MembershipRequestView> request(@RequestBody NewMembershipRequest body, HttpServletRequest http) {
        MembershipRequest created = service.request(Callers.current(), new MembershipRequestDraft(body.groupId(),
                body.requesterId(), body.justification(), correlationId(http)));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/mygroups/requests/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(MembershipRequestView.of(created));
    }

    @GetMapping("/requests")
    GraphCollection<MembershipRequestView> myRequests(@RequestParam(name = "$top", required = false) Integer top,
                                                      @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        Caller caller = Callers.current();
        return collection(queries.requestsOf(caller, cursor(skipToken), limit(top)));
    }

    @GetMapping("/requests/{id}")
    MembershipRequestView one(@PathVariable String id) {
        return MembershipRequestView.of(queries.find(Callers.current(), id));
    }

    @GetMapping("/approvals")
    GraphCollection<MembershipRequestView> approvals(@RequestParam(name = "$top", required = false) Integer top,
                                                     @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        Caller caller = Callers.current();
        return collection(queries.approvalsOf(caller, cursor(skipToken), limit(top)));
    }

    private static GraphCollection<MembershipRequestView> collection(RequestPage page) {
        String context = ServletUriComponentsBuilder.fromCurrentContextPath().path("/$metadata")
                .fragment("membershipRequests").toUriString();
        String nextLink = page.next() == null ? null : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("$skiptoken", page.next().toSkipToken()).toUriString();
        return new GraphCollection<>(context, page.requests().stream().map(MembershipRequestView::of).toList(), nextLink);
    }

    private static int limit(Integer top) {
        if (top == null) {
            return DEFAULT_TOP;
        }
        if (top < 1 || top > MAX_TOP) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST,
                    "Invalid page size specified: '" + top + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
        }
        return top;
    }

    private static RequestCursor cursor(String skipToken) {
        return skipToken == null || skipToken.isEmpty() ? null : RequestCursor.fromSkipToken(skipToken);
    }

    /** The caller's client-request-id (or the request-id the platform gave the call) ties the event to the call. */
    private static String correlationId(HttpServletRequest http) {
        Object clientRequestId = http.getAttribute(RequestIdFilter.CLIENT_REQUEST_ID);
        return clientRequestId == null ? null : clientRequestId.toString();
    }
}
