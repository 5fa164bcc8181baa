package dev.steward.directory.license.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.policy.LicenseAssignmentPolicy;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.directory.user.web.UserRepresentation;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /users/{id | userPrincipalName}/assignLicense}: adds and removes licences of a user (cloud or synced
 * from AD: licences are assigned in the cloud) and answers the user, as Graph does. Served under {@code /v1.0} and
 * {@code /beta}.
 */
@RestController
class UserLicenseController {

    private final UserReadModel users;
    private final DirectoryCommands commands;

    UserLicenseController(UserReadModel users, DirectoryCommands commands) {
        this.users = users;
        this.commands = commands;
    }

    @PostMapping(path = {"/v1.0/users/{id}/assignLicense", "/beta/users/{id}/assignLicense"},
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> assign(@PathVariable String id, @RequestBody JsonNode body,
                                               HttpServletRequest request) {
        Caller caller = Callers.current();
        LicenseAssignmentPolicy.check(caller);
        UserView user = find(id);
        commands.send(AssignLicenseRequests.read(user.getId(), body), RequestOrigin.of(caller, request));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", GraphJson.context(
                request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                        ? "beta" : "v1.0", "users/$entity"));
        json.putAll(UserRepresentation.of(find(user.getId())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private UserView find(String idOrPrincipalName) {
        return users.findByIdOrPrincipalName(idOrPrincipalName)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, idOrPrincipalName));
    }
}
