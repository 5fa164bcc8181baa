package dev.steward.directory.settings.web;

import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.IdGenerator;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.common.web.RequestOrigin;
import dev.steward.directory.policy.TenantSettingsPolicy;
import dev.steward.directory.settings.api.CreateGroupSetting;
import dev.steward.directory.settings.api.DeleteGroupSetting;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingTemplate;
import dev.steward.directory.settings.api.UpdateGroupSetting;
import dev.steward.directory.settings.command.TenantSettings;
import dev.steward.directory.settings.query.TenantSettingsReadModel;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Graph's tenant-wide {@code groupSettings} and the {@code groupSettingTemplates} they are made from, under v1.0
 * and beta. Collections are small (one setting per template), so they are answered in one page.
 */
@RestController
class GroupSettingController {

    private final TenantSettingsReadModel settings;
    private final DirectoryCommands commands;
    private final IdGenerator ids;

    GroupSettingController(TenantSettingsReadModel settings, DirectoryCommands commands, IdGenerator ids) {
        this.settings = settings;
        this.commands = commands;
        this.ids = ids;
    }

    @GetMapping(path = {"/v1.0/groupSettingTemplates", "/beta/groupSettingTemplates"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> templates(HttpServletRequest request) {
        TenantSettingsPolicy.checkReadGroupSettings(Callers.current());
        return json(GraphPage.collection(GraphJson.context(SettingsVersions.of(request), "groupSettingTemplates"),
                GroupSettingTemplate.ALL.stream().map(GroupSettingController::template).toList(), null, null));
    }

    @GetMapping(path = {"/v1.0/groupSettingTemplates/{id}", "/beta/groupSettingTemplates/{id}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> template(@PathVariable String id, HttpServletRequest request) {
        TenantSettingsPolicy.checkReadGroupSettings(Callers.current());
        GroupSettingTemplate template = GroupSettingTemplate.find(id).orElseThrow(() -> notFound(id));
        return json(entity("groupSettingTemplates/$entity", template(template), request));
    }

    @GetMapping(path = {"/v1.0/groupSettings", "/beta/groupSettings"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> list(HttpServletRequest request) {
        TenantSettingsPolicy.checkReadGroupSettings(Callers.current());
        return json(GraphPage.collection(GraphJson.context(SettingsVersions.of(request), "groupSettings"),
                settings.groupSettings().stream().map(GroupSettingController::setting).toList(), null, null));
    }

    @GetMapping(path = {"/v1.0/groupSettings/{id}", "/beta/groupSettings/{id}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id, HttpServletRequest request) {
        TenantSettingsPolicy.checkReadGroupSettings(Callers.current());
        return json(entity("groupSettings/$entity", setting(find(id)), request));
    }

    @PostMapping(path = {"/v1.0/groupSettings", "/beta/groupSettings"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        TenantSettingsPolicy.checkWriteGroupSettings(caller);
        CreateGroupSetting command = new CreateGroupSetting(TenantSettings.TENANT, ids.newId(),
                SettingsRequests.templateId(body), SettingsRequests.values(body, true));
        commands.send(command, RequestOrigin.of(caller, request));
        GroupSetting created = find(command.settingId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(created.id()).toUri())
                .contentType(MediaType.APPLICATION_JSON)
                .body(entity("groupSettings/$entity", setting(created), request));
    }

    @PatchMapping(path = {"/v1.0/groupSettings/{id}", "/beta/groupSettings/{id}"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request) {
        Caller caller = Callers.current();
        TenantSettingsPolicy.checkWriteGroupSettings(caller);
        GroupSetting setting = find(id);
        commands.send(new UpdateGroupSetting(TenantSettings.TENANT, setting.id(),
                SettingsRequests.values(body, false)), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = {"/v1.0/groupSettings/{id}", "/beta/groupSettings/{id}"})
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Caller caller = Callers.current();
        TenantSettingsPolicy.checkWriteGroupSettings(caller);
        GroupSetting setting = find(id);
        commands.send(new DeleteGroupSetting(TenantSettings.TENANT, setting.id()), RequestOrigin.of(caller, request));
        return ResponseEntity.noContent().build();
    }

    private GroupSetting find(String id) {
        return settings.groupSetting(ObjectIds.normalize(id)).orElseThrow(() -> notFound(id));
    }

    private static DirectoryException notFound(String id) {
        return new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
    }

    private static Map<String, Object> setting(GroupSetting setting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", setting.id());
        json.put("displayName", setting.displayName());
        json.put("templateId", setting.templateId());
        json.put("values", setting.values().stream()
                .map(value -> Map.of("name", value.name(), "value", value.value())).toList());
        return json;
    }

    private static Map<String, Object> template(GroupSettingTemplate template) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", template.id());
        json.put("deletedDateTime", null);
        json.put("displayName", template.displayName());
        json.put("description", template.description());
        json.put("values", template.values().stream().map(value -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", value.name());
            item.put("type", value.type());
            item.put("defaultValue", value.defaultValue());
            item.put("description", value.description());
            return item;
        }).toList());
        return json;
    }

    private static Map<String, Object> entity(String fragment, Map<String, Object> item, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context(SettingsVersions.of(request), fragment));
        body.putAll(item);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
