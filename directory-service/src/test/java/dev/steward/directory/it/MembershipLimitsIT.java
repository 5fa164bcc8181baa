package dev.steward.directory.it;

import static dev.steward.directory.it.Api.ids;
import static dev.steward.directory.it.Api.reference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's limits on owners and bound references over HTTP (README "Members and owners"): the last owner stays, at
 * most 100 owners, at most 20 references bound in one request; a refused request changes nothing.
 */
class MembershipLimitsIT extends DirectoryIntegrationTest {

    private static final String LAST_OWNER = "The group must have at least one owner, hence this owner cannot be "
            + "removed.";
    private static final String TOO_MANY_OWNERS = "A group can have at most 100 owners.";
    private static final String TOO_MANY_REFERENCES = "At most 20 objects can be referenced in one request.";

    /** A Groups Administrator who may also read users (their owned groups and memberships). */
    private final String admin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, UserReadPolicy.USER_READ_ALL),
            List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    @Test
    void anOwnerRemovesAnotherOwnerButNotTheLastOneOfASecurityGroup() {
        String alice = syncedUser("alice");
        String bob = syncedUser("bob");
        String group = created(securityGroup(name("LastOwner"), List.of(alice, bob), List.of()));
        String aliceToken = TestTokens.user(alice, "alice@corp.example.test",
                List.of(Permissions.GROUP_MEMBER_READWRITE_ALL), List.of());

        assertThat(api.delete(ownerRef(group, bob), aliceToken).status()).isEqualTo(204);
        assertGraphError(api.delete(ownerRef(group, alice), aliceToken), LAST_OWNER);
        assertGraphError(api.delete(ownerRef(group, alice), admin), LAST_OWNER);

        assertThat(ids(api.get("/v1.0/groups/" + group + "/owners", admin).json())).containsExactly(alice);
    }

    @Test
    void keepsTheLastOwnerOfAMicrosoft365Group() {
        String carol = syncedUser("carol");
        String name = name("LastOwner365");
        String group = created("{\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name + "\","
                + "\"mailEnabled\":true,\"securityEnabled\":false,\"groupTypes\":[\"Unified\"],"
                + "\"owners@odata.bind\":[" + binds(List.of(carol)) + "]}");

        assertGraphError(api.delete(Api.path("/v1.0/groups/%s/owners/$ref?$id=https://graph.microsoft.com/v1.0/"
                + "directoryObjects/%s", group, carol), admin), LAST_OWNER);

        assertThat(ids(api.get("/v1.0/groups/" + group + "/owners", admin).json())).containsExactly(carol);
    }

    /** Twenty owners bound at creation, eighty added one by one: the hundredth is taken, the 101st refused. */
    @Test
    void takesAHundredOwnersAndRefusesTheHundredAndFirst() {
        List<String> users = users("owner", 101);
        String group = created(securityGroup(name("Owners"), users.subList(0, 20), List.of()));
        for (String owner : users.subList(20, 100)) {
            assertThat(api.post("/v1.0/groups/" + group + "/owners/$ref", admin, reference(owner)).status())
                    .isEqualTo(204);
        }
        assertThat(countOwners(group)).isEqualTo("100");

        assertGraphError(api.post("/v1.0/groups/" + group + "/owners/$ref", admin, reference(users.get(100))),
                TOO_MANY_OWNERS);

        assertThat(countOwners(group)).isEqualTo("100");
        assertThat(api.get("/v1.0/users/" + users.get(100) + "/ownedObjects", admin).json().get("value")).isEmpty();
    }

    @Test
    void createsNothingForTwentyOneBoundOwners() {
        List<String> users = users("bound-owner", 21);
        String name = name("TooManyOwners");

        assertGraphError(api.post("/v1.0/groups", admin, securityGroup(name, users, List.of())), TOO_MANY_REFERENCES);

        assertThat(groupsNamed(name)).isEmpty();
        assertThat(api.get("/v1.0/users/" + users.get(0) + "/ownedObjects", admin).json().get("value")).isEmpty();
    }

    @Test
    void createsNothingForTwentyOneBoundMembers() {
        List<String> users = users("bound-member", 21);
        String name = name("TooManyMembers");

        assertGraphError(api.post("/v1.0/groups", admin, securityGroup(name, List.of(), users)), TOO_MANY_REFERENCES);

        assertThat(groupsNamed(name)).isEmpty();
        assertThat(api.get("/v1.0/users/" + users.get(0) + "/memberOf", admin).json().get("value")).isEmpty();
    }

    /** Graph: "a maximum of 20 relationships, such as owners and members, can be added as part of group creation". */
    @Test
    void createsNothingForTwentyOneOwnersAndMembersBoundTogether() {
        List<String> users = users("bound-both", 21);
        String name = name("TooManyBinds");

        assertGraphError(api.post("/v1.0/groups", admin, securityGroup(name, users.subList(0, 11),
                users.subList(11, 21))), TOO_MANY_REFERENCES);

        assertThat(groupsNamed(name)).isEmpty();
    }

    @Test
    void createsGroupsWithExactlyTwentyBinds() {
        List<String> users = users("twenty", 20);

        String owned = created(securityGroup(name("TwentyOwners"), users, List.of()));
        String joined = created(securityGroup(name("TwentyMembers"), List.of(), users));
        String both = created(securityGroup(name("TwentyBoth"), users.subList(0, 10), users.subList(10, 20)));

        assertThat(ids(api.get("/v1.0/groups/" + owned + "/owners", admin).json()))
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(ids(api.get("/v1.0/groups/" + joined + "/members", admin).json()))
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(ids(api.get("/v1.0/groups/" + both + "/owners", admin).json()))
                .containsExactlyInAnyOrderElementsOf(users.subList(0, 10));
        assertThat(ids(api.get("/v1.0/groups/" + both + "/members", admin).json()))
                .containsExactlyInAnyOrderElementsOf(users.subList(10, 20));
    }

    @Test
    void changesNothingForAnUpdateBindingTwentyOneMembers() {
        List<String> users = users("patch-member", 21);
        String name = name("PatchTooMany");
        String group = created(securityGroup(name, List.of(), List.of()));

        assertGraphError(api.patch("/v1.0/groups/" + group, admin, "{\"displayName\":\"" + name + "-renamed\","
                + "\"members@odata.bind\":[" + binds(users) + "]}"), TOO_MANY_REFERENCES);

        assertThat(api.get("/v1.0/groups/" + group, admin).json().get("displayName").asString()).isEqualTo(name);
        assertThat(api.get("/v1.0/groups/" + group + "/members", admin).json().get("value")).isEmpty();
    }

    @Test
    void addsExactlyTwentyMembersWithAnUpdate() {
        List<String> users = users("patch-twenty", 20);
        String group = created(securityGroup(name("PatchTwenty"), List.of(), List.of()));

        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"members@odata.bind\":[" + binds(users) + "]}")
                .status()).isEqualTo(204);

        assertThat(ids(api.get("/v1.0/groups/" + group + "/members", admin).json()))
                .containsExactlyInAnyOrderElementsOf(users);
    }

    /** A 400 in Graph's envelope, with the caller's client-request-id echoed. */
    private static void assertGraphError(Api.Response response, String message) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(response.errorMessage()).isEqualTo(message);
        JsonNode inner = response.json().get("error").get("innerError");
        assertThat(inner.get("request-id").asString()).isNotBlank();
        assertThat(inner.get("client-request-id").asString()).isEqualTo("it-client-request");
    }

    private List<String> users(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> syncedUser(prefix + i)).toList();
    }

    private String created(String body) {
        Api.Response created = api.post("/v1.0/groups", admin, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode groupsNamed(String name) {
        return api.get(Api.path("/v1.0/groups?$filter=displayName eq '%s'", name), admin).json().get("value");
    }

    private String countOwners(String group) {
        return api.send(api.request(Api.path("/v1.0/groups/%s/owners/$count", group), admin)
                .header("ConsistencyLevel", "eventual").GET()).raw().body();
    }

    private static String securityGroup(String name, List<String> owners, List<String> members) {
        return "{\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name + "\",\"mailEnabled\":false,"
                + "\"securityEnabled\":true,\"owners@odata.bind\":[" + binds(owners) + "],"
                + "\"members@odata.bind\":[" + binds(members) + "]}";
    }

    private static String binds(List<String> ids) {
        return ids.stream().map(id -> "\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"")
                .collect(Collectors.joining(","));
    }

    private static String ownerRef(String group, String owner) {
        return "/v1.0/groups/" + group + "/owners/" + owner + "/$ref";
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
