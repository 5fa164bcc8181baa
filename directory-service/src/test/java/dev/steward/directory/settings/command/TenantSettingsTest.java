package dev.steward.directory.settings.command;

import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.settings.api.AuthorizationPolicy;
import dev.steward.directory.settings.api.AuthorizationPolicyUpdated;
import dev.steward.directory.settings.api.CreateGroupSetting;
import dev.steward.directory.settings.api.DefaultUserRolePermissions;
import dev.steward.directory.settings.api.DeleteGroupSetting;
import dev.steward.directory.settings.api.GroupSetting;
import dev.steward.directory.settings.api.GroupSettingCreated;
import dev.steward.directory.settings.api.GroupSettingDeleted;
import dev.steward.directory.settings.api.GroupSettingTemplate;
import dev.steward.directory.settings.api.GroupSettingUpdated;
import dev.steward.directory.settings.api.SettingValue;
import dev.steward.directory.settings.api.UpdateAuthorizationPolicy;
import dev.steward.directory.settings.api.UpdateGroupSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {

    private static final String TENANT = TenantSettings.TENANT;
    private static final String SETTING_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String ALLOWED_GROUP = "0d6f4b1e-1111-4222-8333-944455556666";
    private static final AuthorizationPolicy NO_SECURITY_GROUPS = new AuthorizationPolicy("everyone", true, true,
            false, false, new DefaultUserRolePermissions(true, false, true, true, true));

    private FixtureConfiguration<TenantSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantSettings.class);
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
    }

    @Test
    void firstPolicyChangeStartsFromEntraDefaults() {
        fixture.givenNoPriorActivity()
                .when(new UpdateAuthorizationPolicy(TENANT,
                        Map.of("defaultUserRolePermissions.allowedToCreateSecurityGroups", false)))
                .expectEvents(new AuthorizationPolicyUpdated(TENANT, NO_SECURITY_GROUPS));
    }

    @Test
    void policyChangeToCurrentValuesChangesNothing() {
        fixture.given(new AuthorizationPolicyUpdated(TENANT, NO_SECURITY_GROUPS))
                .when(new UpdateAuthorizationPolicy(TENANT,
                        Map.of("defaultUserRolePermissions.allowedToCreateSecurityGroups", false)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void createsUnifiedSettingWithTemplateDefaultsForValuesNotGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupSetting(TENANT, SETTING_ID, GroupSettingTemplate.GROUP_UNIFIED_ID,
                        List.of(new SettingValue("EnableGroupCreation", "False"))))
                .expectEvents(new GroupSettingCreated(TENANT, unified("false", "")));
    }

    @Test
    void refusesSecondSettingOfTheSameTemplate() {
        fixture.given(new GroupSettingCreated(TENANT, unified("true", "")))
                .when(new CreateGroupSetting(TENANT, "8b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                        GroupSettingTemplate.GROUP_UNIFIED_ID, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("A conflicting object with one or more of the specified property values is "
                        + "present in the directory.")
                .expectNoEvents();
    }

    @Test
    void refusesUnknownTemplate() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupSetting(TENANT, SETTING_ID, "00000000-0000-4000-8000-000000000000", List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Invalid value specified for property 'templateId' of resource "
                        + "'DirectorySetting'.");
    }

    @Test
    void refusesValueNotOfTheTemplate() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupSetting(TENANT, SETTING_ID, GroupSettingTemplate.GROUP_UNIFIED_ID,
                        List.of(new SettingValue("NoSuchSetting", "x"))))
                .expectException(CommandExecutionException.class)
                .expectNoEvents();
    }

    @Test
    void refusesValueNotOfTheSettingsType() {
        fixture.given(new GroupSettingCreated(TENANT, unified("true", "")))
                .when(new UpdateGroupSetting(TENANT, SETTING_ID,
                        List.of(new SettingValue("GroupCreationAllowedGroupId", "not-a-guid"))))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Invalid value specified for property 'GroupCreationAllowedGroupId' of "
                        + "resource 'DirectorySetting'.");
    }

    @Test
    void refusesATextValueWithControlCharactersOrBeyondItsLength() {
        for (String bad : List.of("Contoso\u0000", "bad\u0007word", "half \uD800 surrogate", "x".repeat(2049))) {
            fixture.given(new GroupSettingCreated(TENANT, unified("true", "")))
                    .when(new UpdateGroupSetting(TENANT, SETTING_ID,
                            List.of(new SettingValue("CustomBlockedWordsList", bad))))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionMessage("Invalid value specified for property 'CustomBlockedWordsList' of "
                            + "resource 'DirectorySetting'.")
                    .expectNoEvents();
        }
    }

    @Test
    void updatesOnlyTheNamedValues() {
        fixture.given(new GroupSettingCreated(TENANT, unified("true", "")))
                .when(new UpdateGroupSetting(TENANT, SETTING_ID, List.of(
                        new SettingValue("enablegroupcreation", "false"),
                        new SettingValue("GroupCreationAllowedGroupId", ALLOWED_GROUP))))
                .expectEvents(new GroupSettingUpdated(TENANT, unified("false", ALLOWED_GROUP)));
    }

    @Test
    void updateToCurrentValuesChangesNothing() {
        fixture.given(new GroupSettingCreated(TENANT, unified("false", "")))
                .when(new UpdateGroupSetting(TENANT, SETTING_ID, List.of(new SettingValue("EnableGroupCreation",
                        "false"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletesSetting() {
        fixture.given(new GroupSettingCreated(TENANT, unified("false", "")))
                .when(new DeleteGroupSetting(TENANT, SETTING_ID))
                .expectEvents(new GroupSettingDeleted(TENANT, SETTING_ID, GroupSettingTemplate.GROUP_UNIFIED_ID));
    }

    @Test
    void refusesChangesToUnknownSetting() {
        fixture.given(new GroupSettingCreated(TENANT, unified("false", "")),
                        new GroupSettingDeleted(TENANT, SETTING_ID, GroupSettingTemplate.GROUP_UNIFIED_ID))
                .when(new DeleteGroupSetting(TENANT, SETTING_ID))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Resource '" + SETTING_ID + "' does not exist or one of its queried "
                        + "reference-property objects are not present.");
    }

    private static GroupSetting unified(String enableGroupCreation, String allowedGroupId) {
        List<SettingValue> values = new ArrayList<>();
        for (SettingValue value : GroupSettingTemplate.GROUP_UNIFIED.defaults()) {
            values.add(switch (value.name()) {
                case "EnableGroupCreation" -> new SettingValue(value.name(), enableGroupCreation);
                case "GroupCreationAllowedGroupId" -> new SettingValue(value.name(), allowedGroupId);
                default -> value;
            });
        }
        return new GroupSetting(SETTING_ID, GroupSettingTemplate.GROUP_UNIFIED_ID, "Group.Unified", values);
    }
}
