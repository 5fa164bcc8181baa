package dev.steward.directory.group.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.policy.SourceOfAuthorityPolicy;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A group's Source of Authority: {@code onPremisesSyncBehavior}, under {@code /beta} (where Graph has it) and
 * {@code /v1.0}. {@code PATCH {"isCloudManaged":true}} moves a synced group to the cloud, {@code false} rolls it
 * back.
 */
@RestController
class SourceOfAuthorityController {

    private static final Set<String> PROPERTIES = Set.of("id", "isCloudManaged");

    private final GroupReadModel groups;
    private final DirectoryCommands commands;

    SourceOfAuthorityController(GroupReadModel groups, DirectoryCommands commands) {
        this.groups = groups;
        this.commands = commands;
    }

    @GetMapping(path = {"/beta/groups/{id}/onPremisesSyncBehavior", "/v1.0/groups/{id}/onPremisesSyncBehavior"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id,
                                            @RequestParam(name = "$select", required = false) String selectParameter,
                                            HttpServletRequest request) {
        SourceOfAuthorityPolicy.checkRead(Callers.current());
        Set<String> select = CollectionQuery.select(selectParameter);
        for (String name : select) {
            if (!PROPERTIES.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "Could not find a property named '"
                        + name + "' on type 'microsoft.graph.onPremisesSyncBehavior'.");
            }
        }
        GroupView group = groups.find(ObjectIds.normalize(id)).orElseThrow(() -> GroupController.notFound(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context(GroupController.version(request),
                "groups('" + id + "')/onPremisesSyncBehavior" + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")")
                        + "/$entity"));
        body.put("@odata.type", "#microsoft.graph.onPremisesSyncBehavior");
        body.put("id", group.getId());
        if (select.isEmpty() || select.contains("isCloudManaged")) {
            body.put("isCloudManaged", group.isCloudManaged());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PatchMapping(path = {"/beta/groups/{id}/onPremisesSyncBehavior", "/v1.0/groups/{id}/onPremisesSyncBehavior"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        SourceOfAuthorityPolicy.checkSwitch(caller);
        boolean isCloudManaged = GroupRequests.isCloudManaged(body);
        commands.send(new SwitchSourceOfAuthority(ObjectIds.normalize(id), isCloudManaged),
                RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }
}
