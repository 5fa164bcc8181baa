package dev.steward.directory.group.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphCollections;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.group.api.ChangeMembers;
import dev.steward.directory.group.api.ChangeMembers.Change;
import dev.steward.directory.group.api.ChangeMembers.Relation;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.policy.GroupMembershipReadPolicy;
import dev.steward.directory.policy.GroupMembershipWritePolicy;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A group's members and owners as Graph serves them: {@code members}, {@code owners}, {@code transitiveMembers}
 * (with {@code /$count}), and references added with {@code POST .../$ref} and removed with
 * {@code DELETE .../{id}/$ref} (or {@code DELETE .../$ref?$id=<url>}). Member lists can be cast to a type
 * ({@code .../members/microsoft.graph.user}, or {@code graph.user} as the SDKs write it).
 */
@RestController
class MembershipController {

    private static final String USER_CAST = "(?:microsoft\\.)?graph\\.user";

    private final GroupReadModel groups;
    private final MembershipReadModel memberships;
    private final DirectoryObjectItems items;
    private final DirectoryCommands commands;

    MembershipController(GroupReadModel groups, MembershipReadModel memberships, DirectoryObjectItems items,
                         DirectoryCommands commands) {
        this.groups = groups;
        this.memberships = memberships;
        this.items = items;
        this.commands = commands;
    }

    /**
     * Direct members, also cast to one type ({@code .../members/microsoft.graph.user}, {@code graph.user} as the SDKs
     * write it): only the members of that type, as a collection of that type.
     */
    @GetMapping(path = {"/v1.0/groups/{id}/members", "/beta/groups/{id}/members",
            "/v1.0/groups/{id}/members/{type:" + DirectoryObjectItems.TYPE_CAST + "}",
            "/beta/groups/{id}/members/{type:" + DirectoryObjectItems.TYPE_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> members(@PathVariable String id, @PathVariable(required = false) String type,
                                                @RequestParam Map<String, String> parameters,
                                                HttpServletRequest request) {
        GroupView group = readable(id);
        ObjectType cast = type == null ? null : DirectoryObjectItems.castType(type);
        CollectionQuery query = GraphCollections.navigationQuery(parameters);
        return GraphCollections.page(query, request, context(request, cast),
                memberships.members(group.getId(), cast, query.afterId(), query.top()), MemberRef::id,
                rows -> items.of(rows, query.select()), () -> memberships.countMembers(group.getId(), cast));
    }

    /** Members directly or through nested groups, also cast to one type as {@link #members} is. */
    @GetMapping(path = {"/v1.0/groups/{id}/transitiveMembers", "/beta/groups/{id}/transitiveMembers",
            "/v1.0/groups/{id}/transitiveMembers/{type:" + DirectoryObjectItems.TYPE_CAST + "}",
            "/beta/groups/{id}/transitiveMembers/{type:" + DirectoryObjectItems.TYPE_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> transitiveMembers(@PathVariable String id,
                                                          @PathVariable(required = false) String type,
                                                          @RequestParam Map<String, String> parameters,
                                                          HttpServletRequest request) {
        GroupView group = readable(id);
        ObjectType cast = type == null ? null : DirectoryObjectItems.castType(type);
        CollectionQuery query = GraphCollections.navigationQuery(parameters);
        return GraphCollections.page(query, request, context(request, cast),
                memberships.transitiveMembers(group.getId(), cast, query.afterId(), query.top()), MemberRef::id,
                rows -> items.of(rows, query.select()),
                () -> memberships.countTransitiveMembers(group.getId(), cast));
    }

    /** Owners, also cast to {@code microsoft.graph.user} (all of them are users). */
    @GetMapping(path = {"/v1.0/groups/{id}/owners", "/beta/groups/{id}/owners",
            "/v1.0/groups/{id}/owners/{type:" + USER_CAST + "}", "/beta/groups/{id}/owners/{type:" + USER_CAST + "}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> owners(@PathVariable String id, @PathVariable(required = false) String type,
                                               @RequestParam Map<String, String> parameters,
                                               HttpServletRequest request) {
        GroupView group = readable(id);
        CollectionQuery query = GraphCollections.navigationQuery(parameters);
        return GraphCollections.page(query, request, context(request, type == null ? "directoryObjects" : "users"),
                memberships.owners(group.getId(), query.afterId(), query.top()), owner -> owner,
                rows -> items.users(rows, query.select()), () -> memberships.countOwners(group.getId()));
    }

    @GetMapping(path = {"/v1.0/groups/{id}/members/$count", "/beta/groups/{id}/members/$count"})
    ResponseEntity<String> countMembers(@PathVariable String id, HttpServletRequest request) {
        GroupView group = readable(id);
        return GraphCollections.count(request, () -> memberships.countMembers(group.getId(), null));
    }

    @GetMapping(path = {"/v1.0/groups/{id}/transitiveMembers/$count", "/beta/groups/{id}/transitiveMembers/$count"})
    ResponseEntity<String> countTransitiveMembers(@PathVariable String id, HttpServletRequest request) {
        GroupView group = readable(id);
        return GraphCollections.count(request, () -> memberships.countTransitiveMembers(group.getId(), null));
    }

    @GetMapping(path = {"/v1.0/groups/{id}/owners/$count", "/beta/groups/{id}/owners/$count"})
    ResponseEntity<String> countOwners(@PathVariable String id, HttpServletRequest request) {
        GroupView group = readable(id);
        return GraphCollections.count(request, () -> memberships.countOwners(group.getId()));
    }

    @PostMapping(path = {"/v1.0/groups/{id}/members/$ref", "/beta/groups/{id}/members/$ref"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> addMember(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        return change(id, Relation.MEMBERS, Change.ADD, GroupRequests.reference(body), request);
    }

    @PostMapping(path = {"/v1.0/groups/{id}/owners/$ref", "/beta/groups/{id}/owners/$ref"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> addOwner(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        return change(id, Relation.OWNERS, Change.ADD, GroupRequests.reference(body), request);
    }

    @DeleteMapping(path = {"/v1.0/groups/{id}/members/{memberId}/$ref", "/beta/groups/{id}/members/{memberId}/$ref"})
    ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String memberId,
                                      HttpServletRequest request) {
        return change(id, Relation.MEMBERS, Change.REMOVE, ObjectIds.guid(memberId), request);
    }

    @DeleteMapping(path = {"/v1.0/groups/{id}/owners/{ownerId}/$ref", "/beta/groups/{id}/owners/{ownerId}/$ref"})
    ResponseEntity<Void> removeOwner(@PathVariable String id, @PathVariable String ownerId,
                                     HttpServletRequest request) {
        return change(id, Relation.OWNERS, Change.REMOVE, ObjectIds.guid(ownerId), request);
    }

    @DeleteMapping(path = {"/v1.0/groups/{id}/members/$ref", "/beta/groups/{id}/members/$ref"})
    ResponseEntity<Void> removeMemberById(@PathVariable String id, @RequestParam("$id") String reference,
                                          HttpServletRequest request) {
        return change(id, Relation.MEMBERS, Change.REMOVE, GroupRequests.referencedId(reference), request);
    }

    @DeleteMapping(path = {"/v1.0/groups/{id}/owners/$ref", "/beta/groups/{id}/owners/$ref"})
    ResponseEntity<Void> removeOwnerById(@PathVariable String id, @RequestParam("$id") String reference,
                                         HttpServletRequest request) {
        return change(id, Relation.OWNERS, Change.REMOVE, GroupRequests.referencedId(reference), request);
    }

    private ResponseEntity<Void> change(String id, Relation relation, Change change, String objectId,
                                        HttpServletRequest request) {
        Caller caller = Callers.current();
        GroupMembershipWritePolicy.checkPermission(caller);
        GroupView group = groups.find(ObjectIds.normalize(id)).orElseThrow(() -> GroupController.notFound(id));
        GroupMembershipWritePolicy.check(caller, user -> memberships.isOwner(group.getId(), user));
        commands.send(new ChangeMembers(group.getId(), relation, change, List.of(objectId)),
                RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    private GroupView readable(String id) {
        GroupMembershipReadPolicy.check(Callers.current());
        return groups.find(ObjectIds.normalize(id)).orElseThrow(() -> GroupController.notFound(id));
    }

    private static String context(HttpServletRequest request, String fragment) {
        return GraphJson.context(GroupController.version(request), fragment);
    }

    /** A mixed collection's context, or a cast one's ({@code users}, {@code groups}). */
    private static String context(HttpServletRequest request, ObjectType cast) {
        return context(request, cast == null ? "directoryObjects" : cast.graphName() + "s");
    }
}
