package dev.steward.directory.settings.query;

import dev.steward.directory.policy.GroupCreationSettings;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingTemplate;
import dev.steward.directory.settings.command.TenantSettings;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the tenant settings, and what they say about who may create groups. */
@Service
@Transactional(readOnly = true)
public class TenantSettingsReadModel {

    /** Is the user a member of the group, directly or through nested groups? */
    private static final String TRANSITIVE_MEMBER = """
            WITH RECURSIVE nested(id) AS (
                SELECT id FROM group_view WHERE id = :group
                UNION
                SELECT m.member_id FROM group_member m JOIN nested n ON m.group_id = n.id
                WHERE m.member_type = 'group'
            )
            SELECT COUNT(*) FROM group_member m JOIN nested n ON m.group_id = n.id WHERE m.member_id = :user""";

    private static final RowMapper<GroupSetting> SETTING = (row, number) -> new GroupSetting(row.getString("id"),
            row.getString("template_id"), row.getString("display_name"),
            SettingsJson.values(row.getString("setting_values")));

    private final NamedParameterJdbcTemplate jdbc;

    TenantSettingsReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's policy; Entra's defaults until it was first changed. */
    public AuthorizationPolicy authorizationPolicy() {
        return jdbc.queryForList("SELECT policy FROM authorization_policy_view WHERE id = :id",
                        new MapSqlParameterSource("id", TenantSettings.TENANT), String.class)
                .stream().findFirst().map(SettingsJson::policy).orElse(AuthorizationPolicy.DEFAULTS);
    }

    /** Every group setting, in id order. */
    public List<GroupSetting> groupSettings() {
        return jdbc.query("SELECT * FROM group_setting_view ORDER BY id", SETTING);
    }

    public Optional<GroupSetting> groupSetting(String id) {
        return jdbc.query("SELECT * FROM group_setting_view WHERE id = :id", new MapSqlParameterSource("id", id),
                SETTING).stream().findFirst();
    }

    /** The settings group creation by ordinary users is judged by, as they are now. */
    public GroupCreationSettings groupCreation() {
        boolean securityGroups = authorizationPolicy().defaultUserRolePermissions().allowedToCreateSecurityGroups();
        Optional<GroupSetting> unified = groupSettings().stream()
                .filter(setting -> setting.templateId().equals(GroupSettingTemplate.GROUP_UNIFIED_ID)).findFirst();
        boolean enabled = unified.map(setting -> setting.value(GroupSettingTemplate.ENABLE_GROUP_CREATION))
                .map(Boolean::parseBoolean).orElse(true);
        String allowedGroup = unified.map(setting -> setting.value(GroupSettingTemplate.GROUP_CREATION_ALLOWED_GROUP_ID))
                .orElse("");
        return new GroupCreationSettings() {
            @Override
            public boolean usersMayCreateSecurityGroups() {
                return securityGroups;
            }

            @Override
            public boolean userMayCreateMicrosoft365Groups(String userId) {
                return enabled || !allowedGroup.isEmpty() && isTransitiveMember(userId, allowedGroup);
            }
        };
    }

    private boolean isTransitiveMember(String userId, String groupId) {
        Long count = jdbc.queryForObject(TRANSITIVE_MEMBER,
                new MapSqlParameterSource("group", groupId).addValue("user", userId), Long.class);
        return count != null && count > 0;
    }
}
