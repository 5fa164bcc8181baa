package dev.steward.directory.settings.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.policy.TenantSettingsPolicy;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.DefaultUserRolePermissions;
import dev.steward.directory.settings.api.UpdateAuthorizationPolicy;
import dev.steward.directory.settings.command.TenantSettings;
import dev.steward.directory.settings.query.TenantSettingsReadModel;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Graph's {@code authorizationPolicy} singleton ({@code /policies/authorizationPolicy}), under v1.0 and beta. */
@RestController
class AuthorizationPolicyController {

    /** Entra's Guest User role template, the {@code guestUserRoleId} of a new tenant. */
    static final String GUEST_USER_ROLE = "10dae51f-b6af-4016-8d66-8c2a99b929b3";

    private final TenantSettingsReadModel settings;
    private final DirectoryCommands commands;

    AuthorizationPolicyController(TenantSettingsReadModel settings, DirectoryCommands commands) {
        this.settings = settings;
        this.commands = commands;
    }

    @GetMapping(path = {"/v1.0/policies/authorizationPolicy", "/beta/policies/authorizationPolicy"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(HttpServletRequest request) {
        TenantSettingsPolicy.checkReadAuthorizationPolicy(Callers.current());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(representation(settings.authorizationPolicy(), SettingsVersions.of(request)));
    }

    @PatchMapping(path = {"/v1.0/policies/authorizationPolicy", "/beta/policies/authorizationPolicy"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> update(@RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        TenantSettingsPolicy.checkUpdateAuthorizationPolicy(caller);
        commands.send(new UpdateAuthorizationPolicy(TenantSettings.TENANT,
                SettingsRequests.authorizationPolicyChanges(body)), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> representation(AuthorizationPolicy policy, String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", GraphJson.context(version, "policies/authorizationPolicy/$entity"));
        json.put("id", "authorizationPolicy");
        json.put("allowInvitesFrom", policy.allowInvitesFrom());
        json.put("allowedToSignUpEmailBasedSubscriptions", policy.allowedToSignUpEmailBasedSubscriptions());
        json.put("allowedToUseSSPR", policy.allowedToUseSSPR());
        json.put("allowEmailVerifiedUsersToJoinOrganization", policy.allowEmailVerifiedUsersToJoinOrganization());
        json.put("blockMsolPowerShell", policy.blockMsolPowerShell());
        json.put("displayName", "Authorization Policy");
        json.put("description", "Used to manage authorization related settings across the company.");
        json.put("guestUserRoleId", GUEST_USER_ROLE);
        DefaultUserRolePermissions d = policy.defaultUserRolePermissions();
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("allowedToCreateApps", d.allowedToCreateApps());
        permissions.put("allowedToCreateSecurityGroups", d.allowedToCreateSecurityGroups());
        permissions.put("allowedToCreateTenants", d.allowedToCreateTenants());
        permissions.put("allowedToReadBitlockerKeysForOwnedDevice", d.allowedToReadBitlockerKeysForOwnedDevice());
        permissions.put("allowedToReadOtherUsers", d.allowedToReadOtherUsers());
        permissions.put("permissionGrantPoliciesAssigned",
                List.of("ManagePermissionGrantsForSelf.microsoft-user-default-legacy"));
        json.put("defaultUserRolePermissions", permissions);
        return json;
    }
}
