package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CreateGroup;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tenant settings over HTTP ({@code authorizationPolicy}, {@code groupSettings}, {@code groupSettingTemplates})
 * and group creation by ordinary users as they decide it, over HTTP and Kafka. Every test leaves the settings at
 * Entra's defaults, as the other tests of the shared context expect them.
 */
class TenantSettingsIT extends DirectoryIntegrationTest {

    private static final String UNIFIED = "62375ab9-6b52-47ed-826b-58e47e0e304b";
    private static final String POLICY = "/v1.0/policies/authorizationPolicy";
    private static final String PRIVILEGED_ROLE_ADMIN = TestTokens.user(UUID.randomUUID().toString(),
            "pra@corp.example.test", List.of(Permissions.POLICY_READWRITE_AUTHORIZATION),
            List.of(DirectoryRoles.PRIVILEGED_ROLE_ADMINISTRATOR));
    private static final String SETTINGS_ADMIN = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.DIRECTORY_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL,
                    Permissions.GROUP_MEMBER_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
    private static final String DIRECTORY_READER = TestTokens.app(UUID.randomUUID().toString(),
            Permissions.DIRECTORY_READ_ALL);
    private static final String GROUP_WRITER_APP = TestTokens.app(UUID.randomUUID().toString(),
            Permissions.GROUP_READWRITE_ALL);

    @AfterEach
    void restoreEntraDefaults() {
        api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":true}}");
        for (JsonNode setting : api.get("/v1.0/groupSettings", SETTINGS_ADMIN).json().get("value")) {
            api.delete("/v1.0/groupSettings/" + setting.get("id").asString(), SETTINGS_ADMIN);
        }
    }

    @Test
    void answersTheAuthorizationPolicyInGraphsShape() {
        Api.Response policy = api.get(POLICY, TestTokens.app(UUID.randomUUID().toString(),
                Permissions.POLICY_READ_ALL));

        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.contentType()).startsWith("application/json");
        JsonNode json = policy.json();
        assertThat(json.get("@odata.context").asString())
                .endsWith("/v1.0/$metadata#policies/authorizationPolicy/$entity");
        assertThat(json.get("id").asString()).isEqualTo("authorizationPolicy");
        assertThat(json.get("displayName").asString()).isEqualTo("Authorization Policy");
        assertThat(json.get("allowInvitesFrom").asString()).isEqualTo("everyone");
        JsonNode permissions = json.get("defaultUserRolePermissions");
        assertThat(permissions.get("allowedToCreateSecurityGroups").asBoolean()).isTrue();
        assertThat(permissions.get("allowedToCreateApps").asBoolean()).isTrue();
        assertThat(permissions.get("allowedToReadOtherUsers").asBoolean()).isTrue();
        assertThat(api.get(POLICY, DIRECTORY_READER).status()).isEqualTo(200);
    }

    @Test
    void refusesTheAuthorizationPolicyToCallersWithoutPolicyOrDirectoryRead() {
        Api.Response refused = api.get(POLICY, TestTokens.app(UUID.randomUUID().toString(),
                Permissions.GROUP_READ_ALL));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(api.get(POLICY, null).status()).isEqualTo(401);
    }

    @Test
    void updatesTheAuthorizationPolicyAsPrivilegedRoleAdministrator() {
        Api.Response updated = api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":false},"
                        + "\"allowInvitesFrom\":\"adminsAndGuestInviters\"}");

        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(204);
        JsonNode policy = api.get(POLICY, DIRECTORY_READER).json();
        assertThat(policy.get("defaultUserRolePermissions").get("allowedToCreateSecurityGroups").asBoolean())
                .isFalse();
        assertThat(policy.get("defaultUserRolePermissions").get("allowedToCreateApps").asBoolean()).isTrue();
        assertThat(policy.get("allowInvitesFrom").asString()).isEqualTo("adminsAndGuestInviters");
        api.patch(POLICY, PRIVILEGED_ROLE_ADMIN, "{\"allowInvitesFrom\":\"everyone\"}");
    }

    @Test
    void refusesAuthorizationPolicyUpdatesWithoutTheScopeAndRole() {
        String groupsAdmin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.POLICY_READWRITE_AUTHORIZATION), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        String directoryWriter = TestTokens.app(UUID.randomUUID().toString(), Permissions.DIRECTORY_READWRITE_ALL);
        String body = "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":false}}";

        assertThat(api.patch(POLICY, groupsAdmin, body).status()).isEqualTo(403);
        assertThat(api.patch(POLICY, directoryWriter, body).status()).isEqualTo(403);
        assertThat(api.get(POLICY, DIRECTORY_READER).json().get("defaultUserRolePermissions")
                .get("allowedToCreateSecurityGroups").asBoolean()).isTrue();
    }

    @Test
    void refusesAuthorizationPolicyPropertiesItCannotSet() {
        Api.Response readOnly = api.patch(POLICY, PRIVILEGED_ROLE_ADMIN, "{\"displayName\":\"Mine\"}");
        Api.Response unknown = api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                "{\"defaultUserRolePermissions\":{\"allowedToFly\":true}}");
        Api.Response notBoolean = api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":\"no\"}}");

        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.errorMessage()).isEqualTo("Property 'displayName' is read-only and cannot be set.");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.errorMessage()).isEqualTo(
                "Invalid value specified for property 'allowedToCreateSecurityGroups' of resource "
                        + "'AuthorizationPolicy'.");
    }

    @Test
    void ordinaryUserCreatesSecurityGroupsOnlyWhileTheTenantAllowsIt() {
        String dave = syncedUser("dave");
        String daveToken = userToken(dave, Permissions.GROUP_READWRITE_ALL);

        Api.Response allowed = api.post("/v1.0/groups", daveToken, securityGroup("Daves"));
        assertThat(allowed.status()).as(allowed.raw().body()).isEqualTo(201);
        String group = allowed.json().get("id").asString();
        JsonNode owners = api.get("/v1.0/groups/" + group + "/owners", SETTINGS_ADMIN).json().get("value");
        assertThat(owners).singleElement().satisfies(owner -> assertThat(owner.get("id").asString()).isEqualTo(dave));

        assertThat(api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":false}}").status()).isEqualTo(204);

        Api.Response refused = api.post("/v1.0/groups", daveToken, securityGroup("Daves2"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(api.post("/v1.0/groups", SETTINGS_ADMIN, securityGroup("Admins")).status()).isEqualTo(201);
        assertThat(api.post("/v1.0/groups", GROUP_WRITER_APP, securityGroup("Apps")).status()).isEqualTo(201);
        assertThat(api.post("/v1.0/groups", daveToken, unifiedGroup("davesteam")).status()).isEqualTo(201);
    }

    @Test
    void ordinaryUserNeedsAGroupWritePermissionWhateverTheSettings() {
        String dave = syncedUser("dave");

        Api.Response refused = api.post("/v1.0/groups", userToken(dave, Permissions.GROUP_READ_ALL),
                securityGroup("NoScope"));
        Api.Response withGroupCreate = api.post("/v1.0/groups", userToken(dave, Permissions.GROUP_CREATE),
                securityGroup("GroupCreate"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(withGroupCreate.status()).isEqualTo(201);
    }

    @Test
    void answersTheGroupUnifiedTemplate() {
        Api.Response templates = api.get("/v1.0/groupSettingTemplates", DIRECTORY_READER);

        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.json().get("@odata.context").asString()).endsWith("$metadata#groupSettingTemplates");
        JsonNode unified = templates.json().get("value").get(0);
        assertThat(unified.get("id").asString()).isEqualTo(UNIFIED);
        assertThat(unified.get("displayName").asString()).isEqualTo("Group.Unified");
        assertThat(value(unified.get("values"), "EnableGroupCreation").get("defaultValue").asString())
                .isEqualTo("true");
        assertThat(value(unified.get("values"), "GroupCreationAllowedGroupId").get("type").asString())
                .isEqualTo("System.Guid");
        assertThat(api.get("/v1.0/groupSettingTemplates/" + UNIFIED, DIRECTORY_READER).status()).isEqualTo(200);
        assertThat(api.get("/v1.0/groupSettingTemplates", TestTokens.app(UUID.randomUUID().toString(),
                Permissions.GROUP_READ_ALL)).status()).isEqualTo(403);
    }

    @Test
    void createsReadsUpdatesAndDeletesTheGroupUnifiedSetting() {
        Api.Response created = api.post("/v1.0/groupSettings", SETTINGS_ADMIN, "{\"templateId\":\"" + UNIFIED
                + "\",\"values\":[{\"name\":\"EnableGroupCreation\",\"value\":\"false\"}]}");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location").orElseThrow()).endsWith("/v1.0/groupSettings/" + id);
        assertThat(created.json().get("displayName").asString()).isEqualTo("Group.Unified");
        assertThat(created.json().get("templateId").asString()).isEqualTo(UNIFIED);
        assertThat(value(created.json().get("values"), "EnableGroupCreation").get("value").asString())
                .isEqualTo("false");
        assertThat(value(created.json().get("values"), "AllowToAddGuests").get("value").asString()).isEqualTo("true");

        JsonNode listed = api.get("/v1.0/groupSettings", DIRECTORY_READER).json();
        assertThat(listed.get("@odata.context").asString()).endsWith("$metadata#groupSettings");
        assertThat(listed.get("value")).singleElement()
                .satisfies(setting -> assertThat(setting.get("id").asString()).isEqualTo(id));

        Api.Response updated = api.patch("/v1.0/groupSettings/" + id, SETTINGS_ADMIN,
                "{\"values\":[{\"name\":\"EnableGroupCreation\",\"value\":\"true\"},"
                        + "{\"name\":\"UsageGuidelinesUrl\",\"value\":\"https://intranet/groups\"}]}");
        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(204);
        JsonNode read = api.get("/v1.0/groupSettings/" + id, DIRECTORY_READER).json();
        assertThat(value(read.get("values"), "EnableGroupCreation").get("value").asString()).isEqualTo("true");
        assertThat(value(read.get("values"), "UsageGuidelinesUrl").get("value").asString())
                .isEqualTo("https://intranet/groups");

        assertThat(api.delete("/v1.0/groupSettings/" + id, SETTINGS_ADMIN).status()).isEqualTo(204);
        Api.Response gone = api.get("/v1.0/groupSettings/" + id, DIRECTORY_READER);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void refusesASecondGroupUnifiedSettingAndInvalidValues() {
        String body = "{\"templateId\":\"" + UNIFIED + "\",\"values\":[]}";
        assertThat(api.post("/v1.0/groupSettings", SETTINGS_ADMIN, body).status()).isEqualTo(201);

        Api.Response second = api.post("/v1.0/groupSettings", SETTINGS_ADMIN, body);
        Api.Response unknownTemplate = api.post("/v1.0/groupSettings", SETTINGS_ADMIN,
                "{\"templateId\":\"" + UUID.randomUUID() + "\"}");
        String id = api.get("/v1.0/groupSettings", DIRECTORY_READER).json().get("value").get(0).get("id").asString();
        Api.Response notABoolean = api.patch("/v1.0/groupSettings/" + id, SETTINGS_ADMIN,
                "{\"values\":[{\"name\":\"EnableGroupCreation\",\"value\":\"maybe\"}]}");

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.errorMessage()).isEqualTo(
                "A conflicting object with one or more of the specified property values is present in the directory.");
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.errorMessage()).isEqualTo(
                "Invalid value specified for property 'EnableGroupCreation' of resource 'DirectorySetting'.");
        assertThat(api.patch("/v1.0/groupSettings/" + UUID.randomUUID(), SETTINGS_ADMIN, "{\"values\":[]}")
                .status()).isEqualTo(404);
    }

    @Test
    void refusesGroupSettingWritesWithoutDirectoryWriteAndAGroupAdminRole() {
        String body = "{\"templateId\":\"" + UNIFIED + "\"}";
        String withoutRole = TestTokens.user(UUID.randomUUID().toString(), "someone@corp.example.test",
                List.of(Permissions.DIRECTORY_READWRITE_ALL), List.of());

        assertThat(api.post("/v1.0/groupSettings", withoutRole, body).status()).isEqualTo(403);
        assertThat(api.post("/v1.0/groupSettings", DIRECTORY_READER, body).status()).isEqualTo(403);
        assertThat(api.get("/v1.0/groupSettings", TestTokens.app(UUID.randomUUID().toString(),
                Permissions.GROUP_READ_ALL)).status()).isEqualTo(403);
        assertThat(api.get("/v1.0/groupSettings", DIRECTORY_READER).json().get("value")).isEmpty();
    }

    @Test
    void ordinaryUserCreatesMicrosoft365GroupsOnlyWhenEnabledOrInTheAllowedGroup() {
        String dave = syncedUser("dave");
        String erin = syncedUser("erin");
        String nested = createGroup(SETTINGS_ADMIN, securityGroupWithMembers("Creators-Nested", erin));
        String creators = createGroup(SETTINGS_ADMIN, securityGroupWithMembers("Creators", nested));
        assertThat(api.post("/v1.0/groupSettings", SETTINGS_ADMIN, "{\"templateId\":\"" + UNIFIED
                + "\",\"values\":[{\"name\":\"EnableGroupCreation\",\"value\":\"false\"},"
                + "{\"name\":\"GroupCreationAllowedGroupId\",\"value\":\"" + creators + "\"}]}").status())
                .isEqualTo(201);

        Api.Response byDave = api.post("/v1.0/groups", userToken(dave, Permissions.GROUP_READWRITE_ALL),
                unifiedGroup("daveteam"));
        Api.Response byErin = api.post("/v1.0/groups", userToken(erin, Permissions.GROUP_READWRITE_ALL),
                unifiedGroup("erinteam"));

        assertThat(byDave.status()).isEqualTo(403);
        assertThat(byErin.status()).as(byErin.raw().body()).isEqualTo(201);
        assertThat(api.post("/v1.0/groups", userToken(dave, Permissions.GROUP_READWRITE_ALL),
                securityGroup("DavesSecurity")).status()).isEqualTo(201);
        assertThat(api.post("/v1.0/groups", GROUP_WRITER_APP, unifiedGroup("appteam")).status()).isEqualTo(201);
    }

    @Test
    void kafkaCreateGroupObeysTheSettingsAndMakesTheCreatorOwner() {
        String dave = syncedUser("dave");
        String daveToken = userToken(dave, Permissions.GROUP_READWRITE_ALL);
        try (TopicReader<ContractMessage> results = TopicReader.contracts(kafka.adminConfig(),
                Topics.DIRECTORY_COMMAND_RESULTS)) {
            CreateGroup allowed = kafkaSecurityGroup("KafkaDaves");
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, allowed, daveToken);
            assertThat(resultOf(results, allowed).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
            JsonNode owners = api.get("/v1.0/groups/" + allowed.groupId() + "/owners", SETTINGS_ADMIN).json();
            assertThat(owners.get("value")).singleElement()
                    .satisfies(owner -> assertThat(owner.get("id").asString()).isEqualTo(dave));

            api.patch(POLICY, PRIVILEGED_ROLE_ADMIN,
                    "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":false}}");
            CreateGroup refused = kafkaSecurityGroup("KafkaDaves2");
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, refused, daveToken);
            CommandResult result = resultOf(results, refused);
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("Authorization_RequestDenied");
            assertThat(api.get("/v1.0/groups/" + refused.groupId(), SETTINGS_ADMIN).status()).isEqualTo(404);
        }
    }

    private static CommandResult resultOf(TopicReader<ContractMessage> results, CreateGroup command) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> results.values(CommandResult.class,
                r -> r.commandId().equals(command.metadata().commandId())), list -> !list.isEmpty()).get(0);
    }

    private static CreateGroup kafkaSecurityGroup(String name) {
        return new CreateGroup(Samples.metadata(), UUID.randomUUID().toString(), name, null, name.toLowerCase(), false,
                true, List.of(), null, List.of(), List.of());
    }


    private static String userToken(String userId, String... scopes) {
        return TestTokens.user(userId, userId + "@corp.example.test", List.of(scopes), List.of());
    }

    private String createGroup(String token, String body) {
        Api.Response created = api.post("/v1.0/groups", token, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String securityGroup(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"displayName\":\"" + unique + "\",\"mailNickname\":\"" + unique
                + "\",\"mailEnabled\":false,\"securityEnabled\":true}";
    }

    private static String securityGroupWithMembers(String name, String... members) {
        List<String> references = new ArrayList<>();
        for (String member : members) {
            references.add("\"https://graph.microsoft.com/v1.0/directoryObjects/" + member + "\"");
        }
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"displayName\":\"" + unique + "\",\"mailNickname\":\"" + unique
                + "\",\"mailEnabled\":false,\"securityEnabled\":true,\"members@odata.bind\":["
                + String.join(",", references) + "]}";
    }

    private static String unifiedGroup(String nickname) {
        String unique = nickname + UUID.randomUUID().toString().substring(0, 8);
        return "{\"displayName\":\"" + unique + "\",\"mailNickname\":\"" + unique
                + "\",\"mailEnabled\":true,\"securityEnabled\":false,\"groupTypes\":[\"Unified\"]}";
    }

    private static JsonNode value(JsonNode values, String name) {
        for (JsonNode value : values) {
            if (value.get("name").asString().equals(name)) {
                return value;
            }
        }
        throw new AssertionError("no value named " + name);
    }
}
