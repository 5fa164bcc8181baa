package dev.steward.selfservice.membership.web;

import static dev.steward.platform.web.RequestIdFilter.correlationId;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestDraft;
import dev.steward.selfservice.membership.RequestCursor;
import dev.steward.selfservice.membership.RequestPage;
import dev.steward.selfservice.membership.command.LeaveGroupService;
import dev.steward.selfservice.membership.command.MembershipDecisionService;
import dev.steward.selfservice.membership.command.MembershipRequestService;
import dev.steward.selfservice.membership.query.MembershipRequestQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
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

/**
 * My Groups for the signed-in user: ask to join a group, see one's own requests and the approvals inbox, approve,
 * reject or cancel a request, leave a group.
 */
@RestController
@RequestMapping(path = "/mygroups", produces = MediaType.APPLICATION_JSON_VALUE)
class MyGroupsController {

    private final MembershipRequestService service;
    private final MembershipDecisionService decisions;
    private final LeaveGroupService leaving;
    private final MembershipRequestQueries queries;

    MyGroupsController(MembershipRequestService service, MembershipDecisionService decisions,
                       LeaveGroupService leaving, MembershipRequestQueries queries) {
        this.service = service;
        this.decisions = decisions;
        this.leaving = leaving;
        this.queries = queries;
    }

    @PostMapping("/requests/{id}/approve")
    MembershipRequestView approve(@PathVariable String id, @RequestBody(required = false) EmptyBody body,
                                  HttpServletRequest http) {
        return MembershipRequestView.of(decisions.approve(Callers.current(), id, correlationId(http)));
    }

    @PostMapping(path = "/requests/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    MembershipRequestView reject(@PathVariable String id, @RequestBody RejectionBody body, HttpServletRequest http) {
        return MembershipRequestView.of(decisions.reject(Callers.current(), id, body.reason(), correlationId(http)));
    }

    @PostMapping("/requests/{id}/cancel")
    MembershipRequestView cancel(@PathVariable String id, @RequestBody(required = false) EmptyBody body,
                                 HttpServletRequest http) {
        return MembershipRequestView.of(decisions.cancel(Callers.current(), id, correlationId(http)));
    }

    /** Leaves a group at once: 202 with the directory command that removes the caller. */
    @PostMapping("/groups/{id}/leave")
    ResponseEntity<Map<String, Object>> leave(@PathVariable String id, @RequestBody(required = false) EmptyBody body,
                                              HttpServletRequest http) {
        String commandId = leaving.leave(Callers.current(), id, correlationId(http));
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("commandId", commandId, "groupId", id, "status", "Queued"));
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
    Map<String, Object> myRequests(@RequestParam(name = "$top", required = false) String top,
                                   @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                   HttpServletRequest http) {
        Caller caller = Callers.current();
        RequestCursor after = RequestCursor.fromSkipToken(skipToken);
        return collection(http, queries.requestsOf(caller, after, GraphPage.top(top)));
    }

    @GetMapping("/requests/{id}")
    MembershipRequestView one(@PathVariable String id) {
        return MembershipRequestView.of(queries.find(Callers.current(), id));
    }

    @GetMapping("/approvals")
    Map<String, Object> approvals(@RequestParam(name = "$top", required = false) String top,
                                  @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                  HttpServletRequest http) {
        Caller caller = Callers.current();
        RequestCursor after = RequestCursor.fromSkipToken(skipToken);
        return collection(http, queries.approvalsOf(caller, after, GraphPage.top(top)));
    }

    private static Map<String, Object> collection(HttpServletRequest http, RequestPage page) {
        String context = ServletUriComponentsBuilder.fromCurrentContextPath().path("/$metadata")
                .fragment("membershipRequests").toUriString();
        String nextLink = page.next() == null ? null : GraphPage.nextLink(http, page.next().toSkipToken());
        return GraphPage.collection(context, page.requests().stream().map(MembershipRequestView::of).toList(), null,
                nextLink);
    }
}
