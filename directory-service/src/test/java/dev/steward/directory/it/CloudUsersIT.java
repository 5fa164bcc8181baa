package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserSynced;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Users created, changed and deleted in the cloud over HTTP; users synced from AD stay AD's. */
class CloudUsersIT extends DirectoryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Secret-Passw0rd-" + UUID.randomUUID();
    private static final String USER_ADMIN = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.USER_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL,
                    Permissions.GROUP_MEMBER_READWRITE_ALL),
            List.of(DirectoryRoles.USER_ADMINISTRATOR));
    private static final String USER_APP = TestTokens.app(UUID.randomUUID().toString(),
            Permissions.USER_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL);

    @Autowired
    JdbcTemplate jdbc;

    private TopicReader<ContractMessage> events;
    private TopicReader<byte[]> rawEvents;

    @BeforeEach
    void openReaders() {
        events = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_EVENTS);
        rawEvents = TopicReader.raw(kafka.adminConfig(), Topics.DIRECTORY_EVENTS);
    }

    @AfterEach
    void closeReaders() {
        events.close();
        rawEvents.close();
    }

    @Test
    void createsCloudUserAndNeverKeepsOrEchoesThePassword() {
        String upn = unique("carol");

        Api.Response created = api.post("/v1.0/users", USER_ADMIN, createBody(upn, "Carol"));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.raw().body()).doesNotContain(PASSWORD).doesNotContain("passwordProfile");
        JsonNode user = created.json();
        String id = user.get("id").asString();
        assertThat(created.raw().headers().firstValue("Location").orElseThrow()).endsWith("/v1.0/users/" + id);
        assertThat(user.get("@odata.context").asString()).endsWith("$metadata#users/$entity");
        assertThat(user.get("userPrincipalName").asString()).isEqualTo(upn);
        assertThat(user.get("displayName").asString()).isEqualTo("Carol");
        assertThat(user.get("mailNickname").asString()).isEqualTo("carol");
        assertThat(user.get("accountEnabled").asBoolean()).isTrue();
        assertThat(user.get("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(user.get("onPremisesImmutableId").isNull()).isTrue();
        assertThat(api.get("/v1.0/users/" + upn, USER_ADMIN).json().get("id").asString()).isEqualTo(id);

        UserSynced published = await().atMost(WAIT).until(() -> events.values(UserSynced.class,
                e -> e.userId().equals(id)), list -> !list.isEmpty()).get(0);
        assertThat(published.created()).isTrue();
        assertThat(published.onPremisesAnchor()).isNull();
        assertThat(published.userPrincipalName()).isEqualTo(upn);
        await().atMost(WAIT).until(() -> rawEvents.values(byte[].class,
                value -> new String(value, StandardCharsets.UTF_8).contains(id)), list -> !list.isEmpty());
        assertThat(rawEvents.values(byte[].class, value -> true)).allSatisfy(value ->
                assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain(PASSWORD));
        Long storedWithPassword = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE POSITION(? IN CONVERT_FROM(payload, 'UTF8')) > 0", Long.class, PASSWORD);
        assertThat(storedWithPassword).isZero();
    }

    @Test
    void syncedUsersShowOnPremisesSyncEnabled() {
        String synced = syncedUserWithDottedName("frank");

        assertThat(api.get("/v1.0/users/" + synced, USER_ADMIN).json().get("onPremisesSyncEnabled").asBoolean())
                .isTrue();
    }

    @Test
    void refusesADuplicatePrincipalNameWhateverItsLetterCase() {
        String upn = unique("dup");
        assertThat(api.post("/v1.0/users", USER_APP, createBody(upn, "First")).status()).isEqualTo(201);

        Api.Response duplicate = api.post("/v1.0/users", USER_APP, createBody(upn.toUpperCase(), "Second"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(duplicate.errorMessage()).isEqualTo(
                "Another object with the same value for property userPrincipalName already exists.");
    }

    @Test
    void refusesCreationWithoutARequiredPropertyOrPassword() {
        String upn = unique("nopass");
        Api.Response noPassword = api.post("/v1.0/users", USER_ADMIN, "{\"accountEnabled\":true,"
                + "\"displayName\":\"No Pass\",\"mailNickname\":\"nopass\",\"userPrincipalName\":\"" + upn + "\"}");
        Api.Response noNickname = api.post("/v1.0/users", USER_ADMIN, "{\"accountEnabled\":true,"
                + "\"displayName\":\"No Nick\",\"userPrincipalName\":\"" + upn + "\",\"passwordProfile\":"
                + "{\"password\":\"" + PASSWORD + "\"}}");
        Api.Response badName = api.post("/v1.0/users", USER_ADMIN, createBody("not an address", "Bad"));

        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.errorMessage()).isEqualTo(
                "Invalid value specified for property 'passwordProfile' of resource 'User'.");
        assertThat(noNickname.status()).isEqualTo(400);
        assertThat(noNickname.raw().body()).doesNotContain(PASSWORD);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(api.get("/v1.0/users/" + upn, USER_ADMIN).status()).isEqualTo(404);
    }

    @Test
    void refusesUserWritesWithoutThePermissionOrARole() {
        String groupsAdmin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.USER_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        String reader = TestTokens.app(UUID.randomUUID().toString(), "User.Read.All");
        String id = create(unique("guarded"), "Guarded");

        assertThat(api.post("/v1.0/users", groupsAdmin, createBody(unique("x"), "X")).status()).isEqualTo(403);
        assertThat(api.post("/v1.0/users", reader, createBody(unique("y"), "Y")).status()).isEqualTo(403);
        assertThat(api.patch("/v1.0/users/" + id, reader, "{\"displayName\":\"Z\"}").status()).isEqualTo(403);
        assertThat(api.delete("/v1.0/users/" + id, groupsAdmin).status()).isEqualTo(403);
        assertThat(api.post("/v1.0/users", null, createBody(unique("z"), "Z")).status()).isEqualTo(401);
    }

    @Test
    void updatesCloudUser() {
        String id = create(unique("grace"), "Grace");
        String renamed = unique("grace.hopper");

        Api.Response updated = api.patch("/v1.0/users/" + id, USER_ADMIN, "{\"displayName\":\"Grace Hopper\","
                + "\"mail\":\"grace@corp.example.test\",\"mailNickname\":\"ghopper\",\"accountEnabled\":false,"
                + "\"userPrincipalName\":\"" + renamed + "\"}");

        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(204);
        JsonNode user = api.get("/v1.0/users/" + id, USER_ADMIN).json();
        assertThat(user.get("displayName").asString()).isEqualTo("Grace Hopper");
        assertThat(user.get("mail").asString()).isEqualTo("grace@corp.example.test");
        assertThat(user.get("mailNickname").asString()).isEqualTo("ghopper");
        assertThat(user.get("accountEnabled").asBoolean()).isFalse();
        assertThat(user.get("userPrincipalName").asString()).isEqualTo(renamed);
        UserSynced published = await().atMost(WAIT).until(() -> events.values(UserSynced.class,
                e -> e.userId().equals(id) && !e.created()), list -> !list.isEmpty()).get(0);
        assertThat(published.displayName()).isEqualTo("Grace Hopper");
    }

    @Test
    void refusesUpdatesOfReadOnlyPropertiesAndSyncedUsers() {
        String id = create(unique("heidi"), "Heidi");
        String synced = syncedUserWithDottedName("ivan");

        Api.Response readOnly = api.patch("/v1.0/users/" + id, USER_ADMIN, "{\"onPremisesSyncEnabled\":true}");
        Api.Response unknown = api.patch("/v1.0/users/" + id, USER_ADMIN, "{\"favouriteColour\":\"blue\"}");
        Api.Response toSynced = api.patch("/v1.0/users/" + synced, USER_ADMIN, "{\"displayName\":\"Ivan\"}");
        Api.Response deleteSynced = api.delete("/v1.0/users/" + synced, USER_ADMIN);

        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.errorMessage()).isEqualTo("Property 'onPremisesSyncEnabled' is read-only and cannot be set.");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(toSynced.status()).isEqualTo(400);
        assertThat(toSynced.errorMessage()).isEqualTo("Unable to update the specified properties for on-premises "
                + "mastered Directory Sync objects or objects currently undergoing migration.");
        assertThat(deleteSynced.status()).isEqualTo(400);
        assertThat(api.get("/v1.0/users/" + synced, USER_ADMIN).status()).isEqualTo(200);
        assertThat(api.patch("/v1.0/users/" + UUID.randomUUID(), USER_ADMIN, "{\"displayName\":\"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void deletedUserLeavesEveryGroupItWasAMemberOrOwnerOf() {
        String judy = create(unique("judy"), "Judy");
        String other = create(unique("ken"), "Ken");
        String owned = createGroup("{\"displayName\":\"Judys\",\"mailNickname\":\"judys"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + judy + "\",\"https://graph"
                + ".microsoft.com/v1.0/users/" + other + "\"]}");
        String team = createGroup("{\"displayName\":\"JudysTeam\",\"mailNickname\":\"judyteam"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"mailEnabled\":true,\"securityEnabled\":false,"
                + "\"groupTypes\":[\"Unified\"],\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/"
                + judy + "\"],\"members@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + judy + "\"]}");

        Api.Response deleted = api.delete("/v1.0/users/" + judy, USER_ADMIN);

        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(204);
        assertThat(api.get("/v1.0/users/" + judy, USER_ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/v1.0/groups/" + owned + "/owners", USER_ADMIN).json().get("value")).singleElement()
                .satisfies(owner -> assertThat(owner.get("id").asString()).isEqualTo(other));
        assertThat(api.get("/v1.0/groups/" + team + "/owners", USER_ADMIN).json().get("value")).isEmpty();
        assertThat(api.get("/v1.0/groups/" + team + "/members", USER_ADMIN).json().get("value")).isEmpty();
        assertThat(await().atMost(WAIT).until(() -> events.values(UserDeleted.class, e -> e.userId().equals(judy)),
                list -> !list.isEmpty()).get(0).onPremisesAnchor()).isNull();
        await().atMost(WAIT).until(() -> events.values(OwnersRemoved.class,
                e -> e.groupId().equals(owned) && e.ownerIds().contains(judy)), list -> !list.isEmpty());
        await().atMost(WAIT).until(() -> events.values(MembersRemoved.class,
                e -> e.groupId().equals(team)), list -> !list.isEmpty());
        assertThat(api.delete("/v1.0/users/" + judy, USER_ADMIN).status()).isEqualTo(404);
        Api.Response readded = api.post("/v1.0/groups/" + owned + "/members/$ref", USER_ADMIN,
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + judy + "\"}");
        assertThat(readded.status()).isEqualTo(404);
    }

    @Test
    void deletedUserIsRemovedInTheNextUsersDeltaRound() {
        JsonNode first = api.get("/v1.0/users/delta()?$deltatoken=latest", USER_ADMIN).json();
        String deltaLink = first.get("@odata.deltaLink").asString();
        String id = create(unique("leo"), "Leo");
        assertThat(api.delete("/v1.0/users/" + id, USER_ADMIN).status()).isEqualTo(204);

        String path = deltaLink.substring(deltaLink.indexOf("/v1.0/"));
        JsonNode round = await().atMost(WAIT).until(() -> api.get(path, USER_ADMIN).json(),
                json -> json.get("value").findValuesAsString("id").contains(id));
        JsonNode item = null;
        for (JsonNode value : round.get("value")) {
            if (value.get("id").asString().equals(id)) {
                item = value;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("@removed").get("reason").asString()).isEqualTo("deleted");
    }

    private String create(String upn, String displayName) {
        Api.Response created = api.post("/v1.0/users", USER_ADMIN, createBody(upn, displayName));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String createGroup(String body) {
        Api.Response created = api.post("/v1.0/groups", USER_APP, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String syncedUserWithDottedName(String name) {
        String anchor = UUID.randomUUID().toString();
        String id = DirectoryIds.fromAnchor(anchor);
        commands.send(new SyncUserFromOnPremises(id, anchor, unique(name), name, null, null, name, "CN=" + name,
                Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);
        return id;
    }

    private static String unique(String alias) {
        return alias + "." + UUID.randomUUID().toString().substring(0, 8) + "@corp.example.test";
    }

    private static String createBody(String upn, String displayName) {
        String nickname = upn.contains("@") ? upn.substring(0, upn.indexOf('@')).replace(".", "") : "nick";
        return "{\"accountEnabled\":true,\"displayName\":\"" + displayName + "\",\"mailNickname\":\""
                + (displayName.equals("Carol") ? "carol" : nickname) + "\",\"userPrincipalName\":\"" + upn
                + "\",\"passwordProfile\":{\"forceChangePasswordNextSignIn\":true,\"password\":\"" + PASSWORD
                + "\"}}";
    }
}
