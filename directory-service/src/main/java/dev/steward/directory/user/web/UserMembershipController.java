package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphCollections;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.group.web.DirectoryObjectItems;
import dev.steward.directory.policy.GroupMembershipReadPolicy;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's groups: {@code memberOf}, {@code transitiveMemberOf} and {@code ownedObjects}, by id or userPrincipalName,
 * also cast to {@code microsoft.graph.group} (all of them are groups).
 */
@RestController
class UserMembershipController {

    /** A user's groups cast to their type, as the SDKs' {@code memberOf().graphGroup()} asks. */
    private static final String GROUP_CAST = "(?:microsoft\\.)?graph\\.group";

    private final UserReadModel users;
    private final MembershipReadModel memberships;
    private final DirectoryObjectItems items;

    UserMembershipController(UserReadModel users, MembershipReadModel memberships, DirectoryObjectItems items) {
        this.users = users;
        this.memberships = memberships;
        this.items = items;
    }

    @GetMapping(path = {"/v1.0/users/{id}/memberOf", "/beta/users/{id}/memberOf",
            "/v1.0/users/{id}/memberOf/{type:" + GROUP_CAST + "}",
            "/beta/users/{id}/memberOf/{type:" + GROUP_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> memberOf(@PathVariable String id,
                                                 @PathVariable(required = false) String type,
                                                 @RequestParam Map<String, String> parameters,
                                                 HttpServletRequest request) {
        return groups(id, type, parameters, request, memberships::memberOf, memberships::countMemberOf);
    }

    @GetMapping(path = {"/v1.0/users/{id}/transitiveMemberOf", "/beta/users/{id}/transitiveMemberOf",
            "/v1.0/users/{id}/transitiveMemberOf/{type:" + GROUP_CAST + "}",
            "/beta/users/{id}/transitiveMemberOf/{type:" + GROUP_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> transitiveMemberOf(@PathVariable String id,
                                                           @PathVariable(required = false) String type,
                                                           @RequestParam Map<String, String> parameters,
                                                           HttpServletRequest request) {
        return groups(id, type, parameters, request, memberships::transitiveMemberOf,
                memberships::countTransitiveMemberOf);
    }

    @GetMapping(path = {"/v1.0/users/{id}/ownedObjects", "/beta/users/{id}/ownedObjects",
            "/v1.0/users/{id}/ownedObjects/{type:" + GROUP_CAST + "}",
            "/beta/users/{id}/ownedObjects/{type:" + GROUP_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ownedObjects(@PathVariable String id,
                                                     @PathVariable(required = false) String type,
                                                     @RequestParam Map<String, String> parameters,
                                                     HttpServletRequest request) {
        return groups(id, type, parameters, request, memberships::ownedGroups, memberships::countOwnedGroups);
    }

    /** A page of a user's groups: {@code page} answers (user id, after id, top), {@code count} (user id). */
    private ResponseEntity<Map<String, Object>> groups(String id, String type, Map<String, String> parameters,
                                                       HttpServletRequest request, GroupPage page,
                                                       ToLongFunction<String> count) {
        UserView user = readable(id);
        CollectionQuery query = GraphCollections.navigationQuery(parameters);
        return GraphCollections.page(query, request, context(request, type),
                page.of(user.getId(), query.afterId(), query.top()), group -> group,
                rows -> items.groups(rows, query.select()), () -> count.applyAsLong(user.getId()));
    }

    @FunctionalInterface
    private interface GroupPage {
        List<String> of(String userId, String afterId, int top);
    }

    /** A user may read their own memberships; reading anyone's needs a user and a group-membership read permission. */
    private UserView readable(String id) {
        Caller caller = Callers.current();
        UserView user = users.findByIdOrPrincipalName(id)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id));
        boolean self = caller.isDelegated() && user.getId().equals(caller.userId());
        if (!self) {
            UserReadPolicy.check(caller);
            GroupMembershipReadPolicy.check(caller);
        }
        return user;
    }

    /** {@code directoryObjects}, or {@code groups} for a {@code .../microsoft.graph.group} type cast. */
    private static String context(HttpServletRequest request, String typeCast) {
        String version = request.getRequestURI().contains("/beta/") ? "beta" : "v1.0";
        return GraphJson.context(version, typeCast == null ? "directoryObjects" : "groups");
    }
}
