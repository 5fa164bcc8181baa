package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /users/{id}/assignLicense} and {@code directory.AssignLicense}: licences on the user, its event, refusals. */
class UserLicensesIT extends DirectoryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    private static final String P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";
    private static final String PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    private static final String LICENSE_ADMIN = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL, "User.Read.All"),
            List.of(DirectoryRoles.LICENSE_ADMINISTRATOR));
    private static final String READER = TestTokens.app(UUID.randomUUID().toString(), "User.Read.All");

    private TopicReader<ContractMessage> results;
    private TopicReader<ContractMessage> events;

    @BeforeEach
    void openReaders() {
        results = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_COMMAND_RESULTS);
        events = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_EVENTS);
    }

    @AfterEach
    void closeReaders() {
        results.close();
        events.close();
    }

    @Test
    void assignsLicencesOverHttpShowsThemOnTheUserAndPublishesTheChange() {
        String alice = syncedUser("licensed");

        Api.Response assigned = api.post("/v1.0/users/" + alice + "/assignLicense", LICENSE_ADMIN,
                "{\"addLicenses\":[{\"skuId\":\"" + P1.toUpperCase() + "\",\"disabledPlans\":[\"" + PLAN + "\"]}],"
                        + "\"removeLicenses\":[]}");

        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(200);
        assertThat(assigned.json().get("@odata.context").asString()).endsWith("$metadata#users/$entity");
        assertThat(assigned.json().get("id").asString()).isEqualTo(alice);
        assertLicences(assigned.json(), P1, PLAN);
        JsonNode selected = api.get("/v1.0/users/" + alice + "?$select=id,assignedLicenses", READER).json();
        assertThat(selected.propertyNames()).containsExactlyInAnyOrder("@odata.context", "id", "assignedLicenses");
        assertLicences(selected, P1, PLAN);
        UserLicensesChanged published = await().atMost(WAIT).until(() -> events.values(UserLicensesChanged.class,
                e -> e.userId().equals(alice)), list -> !list.isEmpty()).get(0);
        assertThat(published.assignedLicenses()).containsExactly(new AssignedLicense(P1, List.of(PLAN)));
        assertThat(published.addedSkuIds()).containsExactly(P1);
        assertThat(published.metadata().initiator().userId()).isEqualTo(TestTokens.ADMIN_ID);

        Api.Response swapped = api.post("/v1.0/users/" + alice + "/assignLicense", LICENSE_ADMIN,
                "{\"addLicenses\":[{\"skuId\":\"" + P2 + "\"}],\"removeLicenses\":[\"" + P1 + "\"]}");

        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.json().get("assignedLicenses")).hasSize(1);
        assertThat(swapped.json().get("assignedLicenses").get(0).get("skuId").asString()).isEqualTo(P2);
    }

    @Test
    void refusesAssignmentWithoutThePermissionOrALicenceRole() {
        String bob = syncedUser("unlicensed");
        String body = "{\"addLicenses\":[{\"skuId\":\"" + P1 + "\"}],\"removeLicenses\":[]}";
        String groupsAdmin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL),
                List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        String userAdminWithoutScope = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.GROUP_READWRITE_ALL), List.of(DirectoryRoles.USER_ADMINISTRATOR));

        Api.Response noRole = api.post("/v1.0/users/" + bob + "/assignLicense", groupsAdmin, body);
        Api.Response noScope = api.post("/v1.0/users/" + bob + "/assignLicense", userAdminWithoutScope, body);
        Api.Response reader = api.post("/v1.0/users/" + bob + "/assignLicense", READER, body);
        Api.Response noToken = api.post("/v1.0/users/" + bob + "/assignLicense", null, body);

        assertThat(List.of(noRole.status(), noScope.status(), reader.status())).containsOnly(403);
        assertThat(noRole.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(api.get("/v1.0/users/" + bob, READER).json().get("assignedLicenses")).isEmpty();
    }

    @Test
    void refusesBadBodiesUnknownUsersAndLicencesTheUserDoesNotHold() {
        String carol = syncedUser("badlicense");
        String app = TestTokens.app(UUID.randomUUID().toString(), Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL);

        Api.Response notGuid = api.post("/v1.0/users/" + carol + "/assignLicense", app,
                "{\"addLicenses\":[{\"skuId\":\"AAD_PREMIUM\"}],\"removeLicenses\":[]}");
        Api.Response missing = api.post("/v1.0/users/" + carol + "/assignLicense", app, "{\"addLicenses\":[]}");
        Api.Response unknownProperty = api.post("/v1.0/users/" + carol + "/assignLicense", app,
                "{\"addLicenses\":[],\"removeLicenses\":[],\"usageLocation\":\"DE\"}");
        Api.Response notHeld = api.post("/v1.0/users/" + carol + "/assignLicense", app,
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + P2 + "\"]}");
        Api.Response unknownUser = api.post("/v1.0/users/" + UUID.randomUUID() + "/assignLicense", app,
                "{\"addLicenses\":[],\"removeLicenses\":[]}");

        assertThat(List.of(notGuid.status(), missing.status(), unknownProperty.status(), notHeld.status()))
                .containsOnly(400);
        assertThat(notGuid.errorMessage()).isEqualTo("Invalid value specified for property 'addLicenses' of resource 'User'.");
        assertThat(notHeld.errorMessage()).isEqualTo("User does not have a corresponding license.");
        assertThat(unknownUser.status()).isEqualTo(404);
    }

    @Test
    void assignsLicencesByKafkaCommandAndRejectsCallersWithoutTheRight() {
        String dave = syncedUser("kafkalicense");
        AssignLicense byApp = new AssignLicense(Samples.metadata(), dave, List.of(new AssignedLicense(P2, List.of())),
                List.of());
        AssignLicense byGroupsAdmin = new AssignLicense(Samples.metadata(), dave,
                List.of(new AssignedLicense(P1, List.of())), List.of());
        AssignLicense notHeld = new AssignLicense(Samples.metadata(), dave, List.of(), List.of(P1));

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byApp,
                TestTokens.app(UUID.randomUUID().toString(), Permissions.USER_READWRITE_ALL));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byGroupsAdmin, TestTokens.groupsAdmin());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, notHeld,
                TestTokens.app(UUID.randomUUID().toString(), Permissions.USER_READWRITE_ALL));

        assertThat(resultOf(byApp.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(resultOf(byGroupsAdmin.metadata().commandId()).errorCode()).isEqualTo("Authorization_RequestDenied");
        CommandResult refused = resultOf(notHeld.metadata().commandId());
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.message()).isEqualTo("User does not have a corresponding license.");
        JsonNode user = api.get("/v1.0/users/" + dave, READER).json();
        assertThat(user.get("assignedLicenses")).hasSize(1);
        assertThat(user.get("assignedLicenses").get(0).get("skuId").asString()).isEqualTo(P2);
    }

    private static void assertLicences(JsonNode user, String skuId, String disabledPlan) {
        JsonNode licences = user.get("assignedLicenses");
        assertThat(licences).hasSize(1);
        assertThat(licences.get(0).get("skuId").asString()).isEqualTo(skuId);
        assertThat(licences.get(0).get("disabledPlans").get(0).asString()).isEqualTo(disabledPlan);
    }

    private CommandResult resultOf(UUID commandId) {
        return await().atMost(WAIT).until(() -> results.values(CommandResult.class,
                r -> r.commandId().equals(commandId)), list -> !list.isEmpty()).get(0);
    }
}
