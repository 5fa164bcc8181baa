package dev.steward.directory.settings.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.AuthorizationPolicyUpdated;
import dev.steward.directory.settings.api.CreateGroupSetting;
import dev.steward.directory.settings.api.DeleteGroupSetting;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingCreated;
import dev.steward.directory.settings.api.GroupSettingDeleted;
import dev.steward.directory.settings.api.GroupSettingTemplate;
import dev.steward.directory.settings.api.GroupSettingUpdated;
import dev.steward.directory.settings.api.UpdateAuthorizationPolicy;
import dev.steward.directory.settings.api.UpdateGroupSetting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The tenant's settings (DOMAIN.md section 4): its {@code authorizationPolicy} and its tenant-wide group settings,
 * one aggregate per tenant ({@link #TENANT}), so "one setting per template" is decided here. It comes into being
 * with its first change; until then every value is Entra's default. A change to the current values is no event.
 */
@Aggregate
public class TenantSettings {

    /** The one tenant this directory holds. */
    public static final String TENANT = "tenant";

    @AggregateIdentifier
    private String tenantId;
    private AuthorizationPolicy policy = AuthorizationPolicy.DEFAULTS;
    private final Map<String, GroupSetting> settings = new LinkedHashMap<>();

    protected TenantSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateAuthorizationPolicy command) {
        tenantId = command.tenantId();
        AuthorizationPolicy next = policy.with(command.changes());
        if (!next.equals(policy)) {
            apply(new AuthorizationPolicyUpdated(command.tenantId(), next));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateGroupSetting command) {
        tenantId = command.tenantId();
        GroupSettingTemplate template = GroupSettingTemplate.find(command.templateId())
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, "templateId",
                        "DirectorySetting"));
        if (settings.values().stream().anyMatch(setting -> setting.templateId().equals(template.id()))
                || settings.containsKey(command.settingId())) {
            throw new DirectoryException(DirectoryErrorCode.CONFLICTING_OBJECT);
        }
        apply(new GroupSettingCreated(command.tenantId(), new GroupSetting(command.settingId(), template.id(),
                template.displayName(), SettingRules.apply(template, template.defaults(), command.values()))));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateGroupSetting command) {
        tenantId = command.tenantId();
        GroupSetting setting = setting(command.settingId());
        GroupSettingTemplate template = GroupSettingTemplate.find(setting.templateId()).orElseThrow();
        GroupSetting next = new GroupSetting(setting.id(), setting.templateId(), setting.displayName(),
                SettingRules.apply(template, setting.values(), command.values()));
        if (!next.equals(setting)) {
            apply(new GroupSettingUpdated(command.tenantId(), next));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeleteGroupSetting command) {
        tenantId = command.tenantId();
        GroupSetting setting = setting(command.settingId());
        apply(new GroupSettingDeleted(command.tenantId(), setting.id(), setting.templateId()));
    }

    @EventSourcingHandler
    void on(AuthorizationPolicyUpdated event) {
        tenantId = event.tenantId();
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(GroupSettingCreated event) {
        tenantId = event.tenantId();
        settings.put(event.setting().id(), event.setting());
    }

    @EventSourcingHandler
    void on(GroupSettingUpdated event) {
        settings.put(event.setting().id(), event.setting());
    }

    @EventSourcingHandler
    void on(GroupSettingDeleted event) {
        settings.remove(event.settingId());
    }

    private GroupSetting setting(String id) {
        GroupSetting setting = settings.get(id);
        if (setting == null) {
            throw new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id);
        }
        return setting;
    }
}
