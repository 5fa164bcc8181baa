package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A group as it was at an instant ({@code $asOf}), replayed from the event store: properties, members and owners.
 * The service runs in this JVM, so an instant read here between two requests lies between their events.
 */
class TimeTravelIT extends DirectoryIntegrationTest {

    private final String admin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL, UserReadPolicy.USER_READ_ALL),
            List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    @Test
    void answersAGroupAndItsMembersAsTheyWereAtThreeInstants() {
        String alice = syncedUser("alice");
        String bob = syncedUser("bob");
        Instant beforeCreation = Instant.now();
        String group = createGroup("Past", alice);
        Instant created = Instant.now();
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"displayName\":\"Present\"}").status())
                .isEqualTo(204);
        addMember(group, bob);
        Instant renamedWithBob = Instant.now();
        assertThat(api.delete("/v1.0/groups/" + group + "/members/" + bob + "/$ref", admin).status()).isEqualTo(204);
        Instant bobRemoved = Instant.now();

        assertThat(asOf("/v1.0/groups/%s", group, beforeCreation).status()).isEqualTo(404);

        assertThat(asOf("/v1.0/groups/%s", group, created).json().get("displayName").asString()).startsWith("Past-");
        assertThat(ids(asOf("/v1.0/groups/%s/members", group, created))).isEmpty();
        assertThat(ids(asOf("/v1.0/groups/%s/owners", group, created))).containsExactly(alice);

        assertThat(asOf("/v1.0/groups/%s", group, renamedWithBob).json().get("displayName").asString())
                .isEqualTo("Present");
        JsonNode members = asOf("/v1.0/groups/%s/members", group, renamedWithBob).json();
        assertThat(ids(members)).containsExactly(bob);
        assertThat(members.get("value").get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        assertThat(members.get("value").get(0).get("userPrincipalName").asString()).startsWith("bob-");

        assertThat(asOf("/v1.0/groups/%s", group, bobRemoved).json().get("displayName").asString())
                .isEqualTo("Present");
        assertThat(ids(asOf("/v1.0/groups/%s/members", group, bobRemoved))).isEmpty();
    }

    @Test
    void answersTheCurrentStateForAnInstantInTheFuture() {
        String group = createGroup("Future", syncedUser("carol"));
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"description\":\"now\"}").status()).isEqualTo(204);

        JsonNode future = asOf("/beta/groups/%s?$select=id,description", group,
                Instant.now().plus(Duration.ofDays(365))).json();

        assertThat(future.get("description").asString()).isEqualTo("now");
        assertThat(future.get("@odata.context").asString()).endsWith("/beta/$metadata#groups(id,description)/$entity");
        assertThat(future.has("displayName")).isFalse();
    }

    @Test
    void answersADeletedGroupUntilItsDeletion() {
        String group = createGroup("Deleted", syncedUser("dan"));
        Instant beforeDeletion = Instant.now();
        assertThat(api.delete("/v1.0/groups/" + group, admin).status()).isEqualTo(204);

        assertThat(asOf("/v1.0/groups/%s", group, beforeDeletion).status()).isEqualTo(200);
        assertThat(asOf("/v1.0/groups/%s", group, Instant.now()).status()).isEqualTo(404);
        assertThat(asOf("/v1.0/groups/%s/members", group, Instant.now()).errorCode())
                .isEqualTo("Request_ResourceNotFound");
        assertThat(api.get("/v1.0/groups/" + group, admin).status()).isEqualTo(404);
    }

    @Test
    void dropsAMemberGroupFromTheInstantOfItsDeletion() {
        String owner = syncedUser("hal");
        String parent = createGroup("Parent", owner);
        String child = createGroup("Child", owner);
        addMember(parent, child);
        Instant nested = Instant.now();

        assertThat(api.delete("/v1.0/groups/" + child, admin).status()).isEqualTo(204);

        JsonNode before = asOf("/v1.0/groups/%s/members", parent, nested).json();
        assertThat(ids(before)).containsExactly(child);
        assertThat(before.get("value").get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.group");
        assertThat(before.get("value").get(0).has("displayName")).isFalse();
        assertThat(ids(asOf("/v1.0/groups/%s/members", parent, Instant.now()))).isEmpty();
    }

    @Test
    void pagesMembersAsOfAnInstant() {
        String group = createGroup("PagedPast", syncedUser("erin"));
        List<String> members = List.of(syncedUser("m1"), syncedUser("m2"), syncedUser("m3"));
        members.forEach(member -> addMember(group, member));
        Instant full = Instant.now();
        addMember(group, syncedUser("late"));

        JsonNode first = asOf("/v1.0/groups/%s/members?$top=2&$select=id&$count=true", group, full).json();
        assertThat(first.get("value")).hasSize(2);
        assertThat(first.get("@odata.count").asInt()).isEqualTo(3);
        String next = first.get("@odata.nextLink").asString();
        assertThat(next).contains("asOf=");
        JsonNode second = api.get(next.substring(("http://127.0.0.1:" + port).length()), admin).json();

        assertThat(second.has("@odata.nextLink")).isFalse();
        assertThat(StreamSupport.stream(first.get("value").spliterator(), false).map(m -> m.get("id").asString())
                .toList()).doesNotContainAnyElementsOf(ids(second));
        assertThat(List.of(ids(first), ids(second)).stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void refusesAnInstantThatIsNotRfc3339() {
        String group = createGroup("BadInstant", syncedUser("fay"));

        Api.Response refused = api.get(Api.path("/v1.0/groups/%s?$asOf=yesterday", group), admin);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(api.get(Api.path("/v1.0/groups/%s/members?$asOf=2026-01-01", group), admin).status())
                .isEqualTo(400);
        assertThat(api.get(Api.path("/v1.0/groups/%s?$asOf=%s", group, Instant.now()), admin).status())
                .isEqualTo(200);
    }

    @Test
    void needsTheSamePermissionsAsTheCurrentReads() {
        String group = createGroup("Guarded", syncedUser("gus"));
        String usersOnly = TestTokens.user(UUID.randomUUID().toString(), "reader@corp.example.test",
                List.of(UserReadPolicy.USER_READ_ALL), List.of());
        String membersOnly = TestTokens.user(UUID.randomUUID().toString(), "members@corp.example.test",
                List.of(Permissions.GROUP_MEMBER_READ_ALL), List.of());
        String at = Instant.now().toString();

        assertThat(api.get(Api.path("/v1.0/groups/%s?$asOf=%s", group, at), usersOnly).status()).isEqualTo(403);
        assertThat(api.get(Api.path("/v1.0/groups/%s?$asOf=%s", group, at), membersOnly).status()).isEqualTo(403);
        assertThat(api.get(Api.path("/v1.0/groups/%s/members?$asOf=%s", group, at), membersOnly).status())
                .isEqualTo(200);
        assertThat(api.get(Api.path("/v1.0/groups/%s/owners?$asOf=%s", group, at), usersOnly).status())
                .isEqualTo(403);
    }

    private Api.Response asOf(String template, String group, Instant instant) {
        String path = String.format(template, group);
        return api.get(Api.path(path + (path.contains("?") ? "&" : "?") + "$asOf=%s", instant), admin);
    }

    private String createGroup(String prefix, String owner) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "\",\"mailNickname\":\""
                + name + "\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + owner + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void addMember(String group, String member) {
        assertThat(api.post("/v1.0/groups/" + group + "/members/$ref", admin,
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member + "\"}").status())
                .isEqualTo(204);
    }


    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode collection) {
        return StreamSupport.stream(collection.get("value").spliterator(), false)
                .map(item -> item.get("id").asString()).toList();
    }
}
