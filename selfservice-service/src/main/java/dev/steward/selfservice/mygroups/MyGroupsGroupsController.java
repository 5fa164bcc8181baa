package dev.steward.selfservice.mygroups;

import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The groups of My Groups: what the signed-in user can see and join, is a member of, owns; an owner's join policy. */
@RestController
@RequestMapping(path = "/mygroups", produces = MediaType.APPLICATION_JSON_VALUE)
class MyGroupsGroupsController {

    private final MyGroupsService service;

    MyGroupsGroupsController(MyGroupsService service) {
        this.service = service;
    }

    @GetMapping("/groups")
    Map<String, Object> visible(@RequestParam(name = "$top", required = false) String top,
                                @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                HttpServletRequest http) {
        return collection(http, service.visible(Callers.current(), GroupCursor.fromSkipToken(skipToken),
                GraphPage.top(top)));
    }

    @GetMapping("/memberOf")
    Map<String, Object> memberOf(@RequestParam(name = "$top", required = false) String top,
                                 @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                 HttpServletRequest http) {
        return collection(http, service.memberOf(Callers.current(), GroupCursor.fromSkipToken(skipToken),
                GraphPage.top(top)));
    }

    @GetMapping("/ownedGroups")
    Map<String, Object> owned(@RequestParam(name = "$top", required = false) String top,
                              @RequestParam(name = "$skiptoken", required = false) String skipToken,
                              HttpServletRequest http) {
        return collection(http, service.owned(Callers.current(), GroupCursor.fromSkipToken(skipToken),
                GraphPage.top(top)));
    }

    @GetMapping("/groups/{id}")
    GroupView one(@PathVariable String id) {
        return service.one(Callers.current(), id);
    }

    @PatchMapping(path = "/groups/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    GroupView changeJoinPolicy(@PathVariable String id, @RequestBody JoinPolicyChange body, HttpServletRequest http) {
        return service.changeJoinPolicy(Callers.current(), id, body.joinPolicy(), body.secondStageApproverGroupId(),
                RequestIdFilter.correlationId(http));
    }

    private static Map<String, Object> collection(HttpServletRequest http, MyGroupsService.GroupPage page) {
        String context = ServletUriComponentsBuilder.fromCurrentContextPath().path("/$metadata")
                .fragment("groups").toUriString();
        String nextLink = page.next() == null ? null : GraphPage.nextLink(http, page.next().toSkipToken());
        return GraphPage.collection(context, page.groups(), null, nextLink);
    }
}
