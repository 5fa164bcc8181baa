package dev.steward.directory.settings.query;

import dev.steward.directory.common.ReadModels;
import dev.steward.directory.settings.api.AuthorizationPolicyUpdated;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingCreated;
import dev.steward.directory.settings.api.GroupSettingDeleted;
import dev.steward.directory.settings.api.GroupSettingUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code authorization_policy_view} and {@code group_setting_view} in line with the tenant settings' events,
 * in the same transaction as the events (a subscribing processor), so a group created right after a settings
 * change is judged by the new settings.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class TenantSettingsProjection {

    private final JdbcTemplate jdbc;

    TenantSettingsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuthorizationPolicyUpdated event, @SequenceNumber long version) {
        String policy = SettingsJson.write(event.policy());
        int updated = jdbc.update("UPDATE authorization_policy_view SET policy = ?, aggregate_version = ? "
                + "WHERE id = ? AND aggregate_version < ?", policy, version, event.tenantId(), version);
        if (updated == 0 && jdbc.queryForObject("SELECT COUNT(*) FROM authorization_policy_view WHERE id = ?",
                Long.class, event.tenantId()) == 0) {
            jdbc.update("INSERT INTO authorization_policy_view (id, policy, aggregate_version) VALUES (?, ?, ?)",
                    event.tenantId(), policy, version);
        }
    }

    @EventHandler
    void on(GroupSettingCreated event, @SequenceNumber long version) {
        GroupSetting setting = event.setting();
        jdbc.update("INSERT INTO group_setting_view (id, template_id, display_name, setting_values, "
                        + "aggregate_version) VALUES (?, ?, ?, ?, ?)", setting.id(), setting.templateId(),
                setting.displayName(), SettingsJson.write(setting.values()), version);
    }

    @EventHandler
    void on(GroupSettingUpdated event, @SequenceNumber long version) {
        jdbc.update("UPDATE group_setting_view SET setting_values = ?, aggregate_version = ? WHERE id = ?",
                SettingsJson.write(event.setting().values()), version, event.setting().id());
    }

    @EventHandler
    void on(GroupSettingDeleted event) {
        jdbc.update("DELETE FROM group_setting_view WHERE id = ?", event.settingId());
    }
}
