package dev.steward.selfservice.mygroups;

import static dev.steward.platform.web.RequestIdFilter.correlationId;

import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An owner's member management of their own groups: list the direct members, add a user, remove a member. Adds and
 * removals answer 202 Accepted with the queued directory command, as leaving does: the directory makes the change.
 */
@RestController
@RequestMapping(path = "/mygroups/groups/{id}/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MyGroupsMembersController {

    private final GroupMembersService service;

    MyGroupsMembersController(GroupMembersService service) {
        this.service = service;
    }

    @GetMapping
    Map<String, Object> members(@PathVariable String id,
                                @RequestParam(name = "$top", required = false) String top,
                                @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                HttpServletRequest http) {
        GroupMembersService.MemberPage page = service.members(Callers.current(), id,
                GroupCursor.fromSkipToken(skipToken), GraphPage.top(top));
        String context = ServletUriComponentsBuilder.fromCurrentContextPath().path("/$metadata")
                .fragment("directoryObjects").toUriString();
        String nextLink = page.next() == null ? null : GraphPage.nextLink(http, page.next().toSkipToken());
        return GraphPage.collection(context, page.members(), null, nextLink);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> add(@PathVariable String id, @RequestBody NewMember body,
                                            HttpServletRequest http) {
        return accepted(service.add(Callers.current(), id, body.memberId(), correlationId(http)));
    }

    @DeleteMapping("/{memberId}")
    ResponseEntity<Map<String, Object>> remove(@PathVariable String id, @PathVariable String memberId,
                                               HttpServletRequest http) {
        return accepted(service.remove(Callers.current(), id, memberId, correlationId(http)));
    }

    private static ResponseEntity<Map<String, Object>> accepted(GroupMembersService.QueuedMemberChange change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", change.commandId());
        body.put("commandType", change.commandType());
        body.put("groupId", change.groupId());
        body.put("memberId", change.memberId());
        body.put("status", "Queued");
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
