package dev.steward.directory.group.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.IdGenerator;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphCollections;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.DeleteGroup;
import dev.steward.directory.group.query.GroupFilter;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.policy.GroupCreatePolicy;
import dev.steward.directory.policy.GroupReadPolicy;
import dev.steward.directory.policy.GroupWritePolicy;
import dev.steward.directory.settings.query.GroupCreation;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Graph's group resource: list, read, create, update, delete. Served under {@code /v1.0} and {@code /beta}. The
 * read model is written in the same transaction as the events, so a write answered here is visible to the next read.
 */
@RestController
class GroupController {

    private final GroupReadModel groups;
    private final MembershipReadModel memberships;
    private final DirectoryCommands commands;
    private final IdGenerator ids;
    private final GroupCreation creation;
    private final String mailDomain;

    GroupController(GroupReadModel groups, MembershipReadModel memberships, DirectoryCommands commands,
                    IdGenerator ids, GroupCreation creation,
                    @Value("${steward.directory.mail-domain:corp.example.test}") String mailDomain) {
        this.groups = groups;
        this.creation = creation;
        this.memberships = memberships;
        this.commands = commands;
        this.ids = ids;
        this.mailDomain = mailDomain;
    }

    @GetMapping(path = {"/v1.0/groups", "/beta/groups"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> list(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        GroupReadPolicy.check(Callers.current());
        CollectionQuery query = CollectionQuery.parse(parameters, GroupFilter.SORTABLE);
        Set<String> select = GroupRepresentation.checkSelect(query.select());
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(groups.page(query), query.top(),
                last -> GraphPage.nextLink(request,
                        query.skipTokenAfter(last.getId(), GroupFilter.sortKey(last, query.orderBy()))))
                .map(group -> GraphJson.select(GroupRepresentation.of(group), select));
        String context = GraphJson.context(version(request), select.isEmpty() ? "groups"
                : "groups(" + String.join(",", select) + ")");
        return json(GraphPage.collection(context, page.rows(), query.count() ? groups.count(query) : null,
                page.next()));
    }

    /** {@code GET /groups/$count}: how many groups match {@code $filter}, as text; needs {@code ConsistencyLevel}. */
    @GetMapping(path = {"/v1.0/groups/$count", "/beta/groups/$count"})
    ResponseEntity<String> count(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        GroupReadPolicy.check(Callers.current());
        CollectionQuery query = GraphCollections.countQuery(parameters);
        return GraphCollections.count(request, () -> groups.count(query));
    }

    @GetMapping(path = {"/v1.0/groups/{id}", "/beta/groups/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id,
                                            @RequestParam(name = "$select", required = false) String selectParameter,
                                            HttpServletRequest request) {
        GroupReadPolicy.check(Callers.current());
        Set<String> select = GroupRepresentation.checkSelect(CollectionQuery.select(selectParameter));
        GroupView group = find(id);
        return json(entity(GroupRepresentation.of(group), select, request));
    }

    @PostMapping(path = {"/v1.0/groups", "/beta/groups"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        GroupCreatePolicy.checkPermission(caller);
        CreateGroup command = creation.authorize(caller, GroupRequests.create(ids.newId(), body, mailDomain));
        commands.send(command, RequestOrigin.of(caller, request));
        GroupView group = find(command.groupId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(group.getId()).toUri())
                .contentType(MediaType.APPLICATION_JSON)
                .body(entity(GroupRepresentation.of(group), Set.of(), request));
    }

    @PatchMapping(path = {"/v1.0/groups/{id}", "/beta/groups/{id}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        GroupWritePolicy.checkPermission(caller);
        GroupView group = find(id);
        GroupWritePolicy.check(caller, memberships.ownerIds(group.getId()));
        commands.send(GroupRequests.update(group.getId(), body), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = {"/v1.0/groups/{id}", "/beta/groups/{id}"})
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Caller caller = Callers.current();
        GroupWritePolicy.checkPermission(caller);
        GroupView group = find(id);
        GroupWritePolicy.check(caller, memberships.ownerIds(group.getId()));
        commands.send(new DeleteGroup(group.getId()), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    private GroupView find(String id) {
        return groups.find(ObjectIds.normalize(id)).orElseThrow(() -> notFound(id));
    }

    private static Map<String, Object> entity(Map<String, Object> group, Set<String> select,
                                              HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context(version(request), select.isEmpty() ? "groups/$entity"
                : "groups(" + String.join(",", select) + ")/$entity"));
        body.putAll(GraphJson.select(group, select));
        return body;
    }

    static String version(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                ? "beta" : "v1.0";
    }

    static DirectoryException notFound(String id) {
        return new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
    }

    private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
