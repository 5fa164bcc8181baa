package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.SyncMembershipFromOnPremises;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Graph group API over HTTP: reads, cloud writes, the Source of Authority switch and who may do what. */
class GroupApiIT extends DirectoryIntegrationTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final String MASTERED = "Unable to update the specified properties for on-premises mastered "
            + "Directory Sync objects or objects currently undergoing migration.";

    private final String admin = TestTokens.groupsAdmin();

    @Test
    void readsSyncedGroupInGraphShape() {
        AdGroup group = synced(AdGroup.security("Read"));

        Api.Response response = api.get("/v1.0/groups/" + group.id(), admin);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode json = response.json();
        assertThat(json.get("@odata.context").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/v1.0/$metadata#groups/$entity");
        assertThat(json.get("id").asString()).isEqualTo(group.id());
        assertThat(json.get("displayName").asString()).isEqualTo(group.name());
        assertThat(json.get("description").asString()).isEqualTo("from AD");
        assertThat(json.get("mailNickname").asString()).isEqualTo(group.name());
        assertThat(json.get("mail").isNull()).isTrue();
        assertThat(json.get("mailEnabled").asBoolean()).isFalse();
        assertThat(json.get("securityEnabled").asBoolean()).isTrue();
        assertThat(json.get("groupTypes").isArray()).isTrue();
        assertThat(json.get("groupTypes").size()).isZero();
        assertThat(json.get("createdDateTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.get("onPremisesSyncEnabled").asBoolean()).isTrue();
        assertThat(json.get("onPremisesSecurityIdentifier").asString()).startsWith("S-1-5-21-");
        assertThat(json.get("onPremisesSamAccountName").asString()).isEqualTo(group.name());
        assertThat(json.get("onPremisesDomainName").asString()).isEqualTo("corp.example.test");
        assertThat(json.get("onPremisesNetBiosName").asString()).isEqualTo("CORP");
        assertThat(json.get("onPremisesLastSyncDateTime").asString()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(json.get("securityIdentifier").asString()).startsWith("S-1-12-1-");
        assertThat(json.has("visibility")).isTrue();
    }

    @Test
    void selectsRequestedGroupProperties() {
        AdGroup group = synced(AdGroup.security("Select"));

        JsonNode json = api.get(Api.path("/v1.0/groups/%s?$select=displayName,onPremisesSyncEnabled", group.id()),
                admin).json();

        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("@odata.context", "displayName", "onPremisesSyncEnabled");
        assertThat(api.get(Api.path("/v1.0/groups/%s?$select=nonsense", group.id()), admin).status()).isEqualTo(400);
    }

    @Test
    void listsGroupsFilteredByDisplayName() {
        AdGroup wanted = synced(AdGroup.security("Filter"));
        synced(AdGroup.security("Filter"));

        Api.Response response = api.get(Api.path("/v1.0/groups?$filter=displayName eq '%s'",
                wanted.name().toLowerCase()), admin);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("@odata.context").asString()).endsWith("/v1.0/$metadata#groups");
        JsonNode value = response.json().get("value");
        assertThat(value.size()).isEqualTo(1);
        assertThat(value.get(0).get("id").asString()).isEqualTo(wanted.id());
    }

    @Test
    void countsFilteredGroupsOnlyWithEventualConsistency() {
        AdGroup group = synced(AdGroup.security("Count"));
        String path = Api.path("/v1.0/groups/$count?$filter=displayName eq '%s'", group.name());

        Api.Response count = api.send(api.request(path, admin).header("ConsistencyLevel", "eventual").GET());

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.contentType()).startsWith("text/plain");
        assertThat(count.raw().body()).isEqualTo("1");
        assertThat(api.get(path, admin).status()).isEqualTo(400);
        assertThat(api.send(api.request(Api.path("/v1.0/groups/$count?$top=1"), admin)
                .header("ConsistencyLevel", "eventual").GET()).status()).isEqualTo(400);
    }

    @Test
    void answersNotAcceptableRatherThanAServerErrorForAnAcceptItCannotServe() {
        AdGroup group = synced(AdGroup.security("Accept"));

        Api.Response response = api.send(api.request("/v1.0/groups/" + group.id(), admin)
                .header("Accept", "text/plain").GET());

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo("Request_NotAcceptable");
    }

    @Test
    void pagesThroughGroupsWithNextLinks() {
        String prefix = "Page" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            synced(AdGroup.security(prefix));
        }
        List<String> ids = new ArrayList<>();
        String next = Api.path("/v1.0/groups?$filter=startswith(displayName,'%s')&$top=2&$count=true", prefix);
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(next, admin).json();
            assertThat(page.get("@odata.count").asInt()).isEqualTo(3);
            page.get("value").forEach(group -> ids.add(group.get("id").asString()));
            next = page.has("@odata.nextLink")
                    ? page.get("@odata.nextLink").asString().substring(("http://127.0.0.1:" + port).length()) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void answersUnsupportedOrInvalidQueriesWithBadRequest() {
        Api.Response unsupported = api.get(Api.path("/v1.0/groups?$filter=membershipRule eq 'x'"), admin);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.errorCode()).isEqualTo("Request_UnsupportedQuery");

        Api.Response malformed = api.get(Api.path("/v1.0/groups?$filter=displayName eq 'open"), admin);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("Request_BadRequest");

        assertThat(api.get(Api.path("/v1.0/groups?$top=1000"), admin).status()).isEqualTo(400);
        assertThat(api.get(Api.path("/v1.0/groups?$orderby=mail"), admin).status()).isEqualTo(400);
    }

    @Test
    void answersUnknownGroupWithNotFoundGraphBody() {
        Api.Response response = api.get("/v1.0/groups/00000000-0000-4000-8000-00000000dead", admin);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(response.errorMessage()).isEqualTo("Resource '00000000-0000-4000-8000-00000000dead' does not exist "
                + "or one of its queried reference-property objects are not present.");
        assertThat(api.get("/v1.0/groups/00000000-0000-4000-8000-00000000dead/onPremisesSyncBehavior", admin).status())
                .isEqualTo(404);
        assertThat(api.patch("/beta/groups/00000000-0000-4000-8000-00000000dead/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}").status()).isEqualTo(404);
    }

    @Test
    void rejectsCloudWriteToSyncedGroup() {
        AdGroup group = synced(AdGroup.security("Mastered"));

        Api.Response response = api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"Renamed\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asString()).isEqualTo("Request_BadRequest");
        assertThat(error.get("message").asString()).isEqualTo(MASTERED);
        JsonNode inner = error.get("innerError");
        assertThat(inner.get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(inner.get("request-id").asString()).isNotBlank();
        assertThat(inner.get("client-request-id").asString()).isEqualTo("it-client-request");
        assertThat(api.get("/v1.0/groups/" + group.id(), admin).json().get("displayName").asString())
                .isEqualTo(group.name());
    }

    @Test
    void switchesSourceOfAuthorityAndRollsBack() {
        AdGroup group = synced(AdGroup.security("Switch"));
        String behavior = "/beta/groups/" + group.id() + "/onPremisesSyncBehavior";

        Api.Response before = api.get(Api.path("%s?$select=isCloudManaged", behavior), admin);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.contentType()).startsWith("application/json");
        assertThat(before.raw().body()).isEqualTo("{\"@odata.context\":\"http://127.0.0.1:" + port
                + "/beta/$metadata#groups('" + group.id() + "')/onPremisesSyncBehavior(isCloudManaged)/$entity\","
                + "\"@odata.type\":\"#microsoft.graph.onPremisesSyncBehavior\",\"id\":\"" + group.id()
                + "\",\"isCloudManaged\":false}");

        assertThat(api.patch(behavior, admin, "{\"isCloudManaged\":true}").status()).isEqualTo(204);
        assertThat(api.get(behavior, admin).json().get("isCloudManaged").asBoolean()).isTrue();
        assertThat(api.get("/v1.0/groups/" + group.id() + "/onPremisesSyncBehavior", admin).json()
                .get("isCloudManaged").asBoolean()).isTrue();
        assertThat(api.get("/v1.0/groups/" + group.id(), admin).json().get("onPremisesSyncEnabled").isNull()).isTrue();

        assertThat(api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"Cloud name\"}").status())
                .isEqualTo(204);
        assertThat(api.get("/v1.0/groups/" + group.id(), admin).json().get("displayName").asString())
                .isEqualTo("Cloud name");

        assertThat(api.patch(behavior, admin, "{\"isCloudManaged\":false}").status()).isEqualTo(204);
        assertThat(api.get(behavior, admin).json().get("isCloudManaged").asBoolean()).isFalse();
        JsonNode rolledBack = api.get("/v1.0/groups/" + group.id(), admin).json();
        assertThat(rolledBack.get("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(api.patch("/v1.0/groups/" + group.id(), admin, "{\"description\":\"still cloud-writable\"}")
                .status()).isEqualTo(204);

        commands.send(group.command(SYNCED_AT.plusSeconds(1800)), SYNC_ENGINE);
        JsonNode takenOver = api.get("/v1.0/groups/" + group.id(), admin).json();
        assertThat(takenOver.get("onPremisesSyncEnabled").asBoolean()).isTrue();
        assertThat(takenOver.get("displayName").asString()).isEqualTo(group.name());
        assertThat(takenOver.get("description").asString()).isEqualTo("from AD");
        Api.Response refused = api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"Cloud name\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo(MASTERED);
    }

    @Test
    void showsExtensionAttributesOfASyncedGroupUntilItsSourceOfAuthorityMovesToTheCloud() {
        AdGroup group = AdGroup.security("ExtAttr");
        ExtensionAttributes fromAd = new ExtensionAttributes("CC-4711", null, "Munich", null, null, null, null, null,
                null, null, null, null, null, null, "last");
        commands.send(group.command(SYNCED_AT, fromAd), SYNC_ENGINE);
        String path = "/v1.0/groups/" + group.id();

        JsonNode attributes = api.get(path, admin).json().get("onPremisesExtensionAttributes");
        List<String> names = new ArrayList<>();
        attributes.propertyNames().forEach(names::add);
        assertThat(names).hasSize(15).startsWith("extensionAttribute1", "extensionAttribute2")
                .endsWith("extensionAttribute15");
        assertThat(attributes.get("extensionAttribute1").asString()).isEqualTo("CC-4711");
        assertThat(attributes.get("extensionAttribute2").isNull()).isTrue();
        assertThat(attributes.get("extensionAttribute3").asString()).isEqualTo("Munich");
        assertThat(attributes.get("extensionAttribute15").asString()).isEqualTo("last");

        JsonNode selected = api.get(Api.path("%s?$select=onPremisesExtensionAttributes", path), admin).json();
        List<String> selectedNames = new ArrayList<>();
        selected.propertyNames().forEach(selectedNames::add);
        assertThat(selectedNames).containsExactly("@odata.context", "onPremisesExtensionAttributes");
        assertThat(selected.get("onPremisesExtensionAttributes").get("extensionAttribute3").asString())
                .isEqualTo("Munich");

        assertThat(api.patch(path + "/onPremisesSyncBehavior", admin, "{\"isCloudManaged\":true}").status())
                .isEqualTo(204);
        JsonNode cloud = api.get(path, admin).json().get("onPremisesExtensionAttributes");
        assertThat(cloud.size()).isEqualTo(15);
        cloud.forEach(value -> assertThat(value.isNull()).isTrue());
        Api.Response refused = api.patch(path, admin,
                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":\"CC-4711\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.errorMessage())
                .isEqualTo("Property 'onPremisesExtensionAttributes' is read-only and cannot be set.");

        assertThat(api.patch(path + "/onPremisesSyncBehavior", admin, "{\"isCloudManaged\":false}").status())
                .isEqualTo(204);
        assertThat(api.get(path, admin).json().get("onPremisesExtensionAttributes").get("extensionAttribute1")
                .isNull()).isTrue();
        commands.send(group.command(SYNCED_AT.plusSeconds(1800), fromAd), SYNC_ENGINE);
        JsonNode restored = api.get(path, admin).json().get("onPremisesExtensionAttributes");
        assertThat(restored.get("extensionAttribute1").asString()).isEqualTo("CC-4711");
        assertThat(restored.get("extensionAttribute3").asString()).isEqualTo("Munich");
    }

    @Test
    void showsNoExtensionAttributesOnACloudGroupAndRefusesToSetThem() {
        String id = createCloudGroup("CloudExtAttr");

        JsonNode attributes = api.get("/v1.0/groups/" + id, admin).json().get("onPremisesExtensionAttributes");

        assertThat(attributes.size()).isEqualTo(15);
        attributes.forEach(value -> assertThat(value.isNull()).isTrue());
        Api.Response refused = api.patch("/v1.0/groups/" + id, admin,
                "{\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":\"x\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage())
                .isEqualTo("Property 'onPremisesExtensionAttributes' is read-only and cannot be set.");
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"With attributes\","
                + "\"mailNickname\":\"withattributes\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":\"x\"}}");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.errorMessage())
                .isEqualTo("Property 'onPremisesExtensionAttributes' is read-only and cannot be set.");
    }

    @Test
    void switchingToTheCurrentValueSucceedsWithoutChange() {
        AdGroup group = synced(AdGroup.security("Idempotent"));

        assertThat(api.patch("/v1.0/groups/" + group.id() + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":false}").status()).isEqualTo(204);
        assertThat(api.get("/v1.0/groups/" + group.id(), admin).json().get("onPremisesSyncEnabled").asBoolean())
                .isTrue();
    }

    @Test
    void keepsDistributionGroupReadOnlyAfterSwitch() {
        AdGroup group = synced(AdGroup.distribution("DL"));
        assertThat(api.patch("/beta/groups/" + group.id() + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}").status()).isEqualTo(204);

        Api.Response response = api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"Renamed\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).isEqualTo("Cannot Update a mail-enabled security groups and or "
                + "distribution list.");
    }

    @Test
    void rejectsReadOnlyAndInvalidProperties() {
        String id = createCloudGroup("ReadOnly");

        Api.Response readOnly = api.patch("/v1.0/groups/" + id, admin, "{\"onPremisesSyncEnabled\":false}");
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.errorMessage()).isEqualTo("Property 'onPremisesSyncEnabled' is read-only and cannot be set.");

        Api.Response nickname = api.patch("/v1.0/groups/" + id, admin, "{\"mailNickname\":\"has space\"}");
        assertThat(nickname.status()).isEqualTo(400);
        assertThat(nickname.errorMessage()).isEqualTo("Invalid value specified for property 'mailNickname' of "
                + "resource 'Group'.");

        assertThat(api.patch("/v1.0/groups/" + id, admin, "{\"displayName\":42}").status()).isEqualTo(400);
        assertThat(api.patch("/v1.0/groups/" + id, admin, "[1,2]").status()).isEqualTo(400);
        Api.Response malformed = api.patch("/v1.0/groups/" + id, admin, "{\"displayName\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(api.patch("/v1.0/groups/" + id + "/onPremisesSyncBehavior", admin, "{\"isCloudManaged\":\"yes\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void createsCloudGroupThatCannotSwitchSourceOfAuthority() {
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"Cloud team\","
                + "\"mailNickname\":\"cloudteam\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"description\":\"made in the cloud\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location").orElseThrow()).endsWith("/v1.0/groups/" + id);
        assertThat(created.json().get("onPremisesSyncEnabled").isNull()).isTrue();

        Api.Response behavior = api.get("/beta/groups/" + id + "/onPremisesSyncBehavior", admin);
        assertThat(behavior.json().get("isCloudManaged").asBoolean()).isFalse();
        Api.Response refused = api.patch("/beta/groups/" + id + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");

        assertThat(api.patch("/v1.0/groups/" + id, admin, "{\"displayName\":\"Cloud team 2\"}").status())
                .isEqualTo(204);
        assertThat(api.get("/v1.0/groups/" + id, admin).json().get("displayName").asString()).isEqualTo("Cloud team 2");
        assertThat(api.post("/v1.0/groups", admin, "{\"displayName\":\"DL\",\"mailNickname\":\"dl\","
                + "\"mailEnabled\":true,\"securityEnabled\":false}").status()).isEqualTo(400);
    }

    // who may do what

    @Test
    void refusesRequestsWithoutValidToken() {
        var claims = DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.GROUP_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        for (String token : new String[] {null, TestTokens.forged(claims), TestTokens.expired(claims)}) {
            Api.Response response = api.get("/v1.0/groups", token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationToken");
        }
        assertThat(api.patch("/beta/groups/x/onPremisesSyncBehavior", TestTokens.forged(claims),
                "{\"isCloudManaged\":true}").status()).isEqualTo(401);
    }

    @Test
    void refusesReadsWithoutReadPermission() {
        AdGroup group = synced(AdGroup.security("NoRead"));
        String token = TestTokens.user(Samples.BOB_ID, "bob@corp.example.test", List.of("User.Read"), List.of());

        for (String path : List.of("/v1.0/groups", "/v1.0/groups/" + group.id(),
                "/beta/groups/" + group.id() + "/onPremisesSyncBehavior")) {
            Api.Response response = api.get(path, token);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("Authorization_RequestDenied");
            assertThat(response.errorMessage()).isEqualTo("Insufficient privileges to complete the operation.");
        }
        String reader = TestTokens.user(Samples.BOB_ID, "bob@corp.example.test", List.of(Permissions.GROUP_READ_ALL),
                List.of());
        assertThat(api.get("/v1.0/groups/" + group.id(), reader).status()).isEqualTo(200);
    }

    @Test
    void letsOnlyAdminsAndOwnersEditGroups() {
        AdGroup group = synced(AdGroup.security("Owned"));
        commands.send(new SyncUserFromOnPremises(Samples.ALICE_ID, "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02",
                "alice@corp.example.test", "Alice", null, null, "alice", "CN=Alice", SYNCED_AT), SYNC_ENGINE);
        commands.send(new SyncMembershipFromOnPremises(group.id(), group.anchor(), List.of(), List.of(),
                List.of(Samples.ALICE_ID), List.of(), SYNCED_AT), SYNC_ENGINE);
        assertThat(api.patch("/v1.0/groups/" + group.id() + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}").status()).isEqualTo(204);
        String path = "/v1.0/groups/" + group.id();

        String readOnly = TestTokens.user(Samples.ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.GROUP_READ_ALL), List.of());
        assertThat(api.patch(path, readOnly, "{\"description\":\"x\"}").status()).isEqualTo(403);

        String notOwner = TestTokens.user(Samples.BOB_ID, "bob@corp.example.test",
                List.of(Permissions.GROUP_READWRITE_ALL), List.of());
        Api.Response refused = api.patch(path, notOwner, "{\"description\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");

        String owner = TestTokens.user(Samples.ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.GROUP_READWRITE_ALL), List.of());
        assertThat(api.patch(path, owner, "{\"description\":\"edited by the owner\"}").status()).isEqualTo(204);
        assertThat(api.get(path, owner).json().get("description").asString()).isEqualTo("edited by the owner");
    }

    @Test
    void letsOnlySourceOfAuthorityAdminsSwitch() {
        AdGroup group = synced(AdGroup.security("SoaAuth"));
        String behavior = "/beta/groups/" + group.id() + "/onPremisesSyncBehavior";
        String body = "{\"isCloudManaged\":true}";

        String withoutPermission = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.GROUP_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        assertThat(api.patch(behavior, withoutPermission, body).status()).isEqualTo(403);

        String withoutRole = TestTokens.user(Samples.ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL), List.of(DirectoryRoles.USER_ADMINISTRATOR));
        Api.Response refused = api.patch(behavior, withoutRole, body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorMessage()).isEqualTo("Insufficient privileges to complete the operation.");

        String appWithoutRole = TestTokens.app("a0000000-0000-4000-8000-0000000000b2", Permissions.GROUP_READWRITE_ALL);
        assertThat(api.patch(behavior, appWithoutRole, body).status()).isEqualTo(403);
        assertThat(api.get(behavior, admin).json().get("isCloudManaged").asBoolean()).isFalse();

        String hybridAdmin = TestTokens.user(Samples.ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL),
                List.of(DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR));
        assertThat(api.patch(behavior, hybridAdmin, body).status()).isEqualTo(204);

        String app = TestTokens.app("a0000000-0000-4000-8000-0000000000b3",
                Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL);
        assertThat(api.patch(behavior, app, "{\"isCloudManaged\":false}").status()).isEqualTo(204);
        assertThat(api.get(behavior, app).json().get("isCloudManaged").asBoolean()).isFalse();
    }

    @Test
    void readsSyncedUsers() {
        var user = Samples.syncUser(UUID.randomUUID().toString(), "carol@corp.example.test");
        commands.send(new SyncUserFromOnPremises(user.userId(), user.anchor(),
                user.userPrincipalName(), user.displayName(), user.mail(), user.onPremisesSecurityIdentifier(),
                user.onPremisesSamAccountName(), user.onPremisesDistinguishedName(), user.syncedAt()), SYNC_ENGINE);
        String directoryReader = TestTokens.app("a0000000-0000-4000-8000-0000000000b4", Permissions.DIRECTORY_READ_ALL);

        Api.Response response = api.get("/v1.0/users/" + user.userId(), directoryReader);
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("userPrincipalName").asString()).isEqualTo("carol@corp.example.test");
        assertThat(json.get("onPremisesSyncEnabled").asBoolean()).isTrue();
        assertThat(api.get(Api.path("/v1.0/users?$filter=userPrincipalName eq 'carol@corp.example.test'"),
                directoryReader).json().get("value").size()).isEqualTo(1);
        assertThat(api.get("/v1.0/users/" + user.userId(), admin).status()).isEqualTo(403);

        long started = System.nanoTime();
        assertThat(api.get("/v1.0/groups/" + user.userId(), admin).status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /** Syncs the group; the read model shows it once the command returns. */
    private AdGroup synced(AdGroup group) {
        commands.send(group.command(SYNCED_AT), SYNC_ENGINE);
        return group;
    }

    private String createCloudGroup(String name) {
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "\",\"mailNickname\":\""
                + name.toLowerCase() + "\",\"mailEnabled\":false,\"securityEnabled\":true}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
