package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.IdGenerator;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.policy.UserWritePolicy;
import dev.steward.directory.user.api.CreateCloudUser;
import dev.steward.directory.user.command.UserDeletion;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Writes of Graph's user resource: create, update and delete users in the cloud. Users synced from AD are written
 * in AD (400 here). Served under {@code /v1.0} and {@code /beta}.
 */
@RestController
class CloudUserController {

    private final UserReadModel users;
    private final DirectoryCommands commands;
    private final UserDeletion deletion;
    private final IdGenerator ids;

    CloudUserController(UserReadModel users, DirectoryCommands commands, UserDeletion deletion, IdGenerator ids) {
        this.users = users;
        this.commands = commands;
        this.deletion = deletion;
        this.ids = ids;
    }

    @PostMapping(path = {"/v1.0/users", "/beta/users"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        UserWritePolicy.check(caller);
        CreateCloudUser command = UserRequests.create(ids.newId(), body);
        commands.send(command, RequestOrigin.of(caller, request));
        UserView user = find(command.userId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", GraphJson.context(version(request), "users/$entity"));
        json.putAll(UserRepresentation.of(user));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(user.getId()).toUri())
                .contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @PatchMapping(path = {"/v1.0/users/{id}", "/beta/users/{id}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        UserWritePolicy.check(caller);
        UserView user = find(id);
        commands.send(UserRequests.update(user.getId(), body), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = {"/v1.0/users/{id}", "/beta/users/{id}"})
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Caller caller = Callers.current();
        UserWritePolicy.check(caller);
        UserView user = find(id);
        deletion.delete(user.getId(), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    private UserView find(String idOrPrincipalName) {
        return users.findByIdOrPrincipalName(idOrPrincipalName)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, idOrPrincipalName));
    }

    private static String version(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                ? "beta" : "v1.0";
    }
}
