package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorisation matrix of directory-service/README.md ("Who may do what"), walked row by row over HTTP: each
 * operation with each kind of caller, refusals included. Every row works on a fresh group that Alice owns and Bob
 * is not in.
 */
class AuthorizationMatrixIT extends DirectoryIntegrationTest {

    private static final String ALICE_ANCHOR = UUID.randomUUID().toString();
    private static final String ALICE = DirectoryIds.fromAnchor(ALICE_ANCHOR);
    private static final String BOB_ANCHOR = UUID.randomUUID().toString();
    private static final String BOB = DirectoryIds.fromAnchor(BOB_ANCHOR);
    private static final String READER = UUID.randomUUID().toString();
    private static final String ADMIN_TOKEN = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL,
                    UserReadPolicy.USER_READ_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    /** The callers of the matrix, by name. */
    private static final Map<String, String> CALLERS = Map.ofEntries(
            Map.entry("anonymous", ""),
            Map.entry("groups admin", TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                    List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL,
                            Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL, UserReadPolicy.USER_READ_ALL),
                    List.of(DirectoryRoles.GROUPS_ADMINISTRATOR))),
            Map.entry("owner", TestTokens.user(ALICE, "alice@corp.example.test",
                    List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL), List.of())),
            Map.entry("other user", TestTokens.user(BOB, "bob@corp.example.test",
                    List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL), List.of())),
            Map.entry("group reader", TestTokens.user(READER, "reader@corp.example.test",
                    List.of(Permissions.GROUP_READ_ALL), List.of())),
            Map.entry("member reader", TestTokens.user(READER, "reader@corp.example.test",
                    List.of(Permissions.GROUP_MEMBER_READ_ALL), List.of())),
            Map.entry("self", TestTokens.user(BOB, "bob@corp.example.test", List.of("User.Read"), List.of())),
            Map.entry("app Group.ReadWrite.All", TestTokens.app(UUID.randomUUID().toString(),
                    Permissions.GROUP_READWRITE_ALL)),
            Map.entry("app GroupMember.ReadWrite.All", TestTokens.app(UUID.randomUUID().toString(),
                    Permissions.GROUP_MEMBER_READWRITE_ALL)),
            Map.entry("app SOA", TestTokens.app(UUID.randomUUID().toString(),
                    Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL)),
            Map.entry("sync engine", TestTokens.syncEngine()),
            Map.entry("privileged role admin", TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                    List.of(Permissions.POLICY_READWRITE_AUTHORIZATION),
                    List.of(DirectoryRoles.PRIVILEGED_ROLE_ADMINISTRATOR))),
            Map.entry("user admin", TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                    List.of(Permissions.USER_READWRITE_ALL), List.of(DirectoryRoles.USER_ADMINISTRATOR))),
            Map.entry("app Directory.Read.All", TestTokens.app(UUID.randomUUID().toString(),
                    Permissions.DIRECTORY_READ_ALL)),
            Map.entry("app User.ReadWrite.All", TestTokens.app(UUID.randomUUID().toString(),
                    Permissions.USER_READWRITE_ALL)));

    private record Operation(String method, Function<String, String> path, String body) {
    }

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("list groups", new Operation("GET", group -> "/v1.0/groups?$top=1", null)),
            Map.entry("read group", new Operation("GET", group -> "/v1.0/groups/" + group, null)),
            Map.entry("create group", new Operation("POST", group -> "/v1.0/groups",
                    "{\"displayName\":\"Matrix\",\"mailNickname\":\"matrix\",\"mailEnabled\":false,"
                            + "\"securityEnabled\":true}")),
            Map.entry("update group", new Operation("PATCH", group -> "/v1.0/groups/" + group,
                    "{\"description\":\"changed\"}")),
            Map.entry("delete group", new Operation("DELETE", group -> "/v1.0/groups/" + group, null)),
            Map.entry("list members", new Operation("GET", group -> "/v1.0/groups/" + group + "/members", null)),
            Map.entry("add member", new Operation("POST", group -> "/v1.0/groups/" + group + "/members/$ref",
                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + BOB + "\"}")),
            Map.entry("remove owner", new Operation("DELETE",
                    group -> "/v1.0/groups/" + group + "/owners/" + ALICE + "/$ref", null)),
            Map.entry("read SOA", new Operation("GET", group -> "/beta/groups/" + group + "/onPremisesSyncBehavior",
                    null)),
            Map.entry("switch SOA", new Operation("PATCH",
                    group -> "/beta/groups/" + group + "/onPremisesSyncBehavior", "{\"isCloudManaged\":true}")),
            Map.entry("read Bob's memberOf", new Operation("GET", group -> "/v1.0/users/" + BOB + "/memberOf", null)),
            Map.entry("read authorization policy", new Operation("GET",
                    group -> "/v1.0/policies/authorizationPolicy", null)),
            // a change to the current value: authorised callers get 204 and the tenant's settings stay as they are
            Map.entry("update authorization policy", new Operation("PATCH",
                    group -> "/v1.0/policies/authorizationPolicy",
                    "{\"defaultUserRolePermissions\":{\"allowedToCreateSecurityGroups\":true}}")),
            Map.entry("list group settings", new Operation("GET", group -> "/v1.0/groupSettings", null)),
            // a body without a template: authorised callers reach the rule (400)
            Map.entry("create group setting", new Operation("POST", group -> "/v1.0/groupSettings", "{}")),
            // an invalid principal name: authorised callers reach the rule (400), nobody is created
            Map.entry("create user", new Operation("POST", group -> "/v1.0/users",
                    "{\"accountEnabled\":true,\"displayName\":\"M\",\"mailNickname\":\"m\","
                            + "\"userPrincipalName\":\"not an address\",\"passwordProfile\":{\"password\":\"x1!Y\"}}")),
            Map.entry("update Bob", new Operation("PATCH", group -> "/v1.0/users/" + BOB,
                    "{\"displayName\":\"Robert\"}")),
            Map.entry("list users", new Operation("GET", group -> "/v1.0/users?$top=1", null)),
            Map.entry("read Bob", new Operation("GET", group -> "/v1.0/users/" + BOB, null)),
            Map.entry("count users", new Operation("GET", group -> "/v1.0/users/$count", null)),
            // removing a licence Bob does not hold: authorised callers reach the rule (400), nothing changes
            Map.entry("assign licences to Bob", new Operation("POST", group -> "/v1.0/users/" + BOB + "/assignLicense",
                    "{\"addLicenses\":[],\"removeLicenses\":[\"84a661c4-e949-4bd2-a560-ed7766fcaf2b\"]}")));

    static Stream<Arguments> matrix() {
        return Stream.of(
                row("list groups", "anonymous", 401), row("list groups", "group reader", 200),
                row("list groups", "member reader", 403), row("list groups", "app Group.ReadWrite.All", 200),
                row("read group", "group reader", 200), row("read group", "self", 403),
                row("create group", "groups admin", 201), row("create group", "other user", 201),
                row("create group", "app Group.ReadWrite.All", 201), row("create group", "group reader", 403),
                row("update group", "groups admin", 204), row("update group", "owner", 204),
                row("update group", "other user", 403), row("update group", "group reader", 403),
                row("update group", "app Group.ReadWrite.All", 204),
                row("update group", "app GroupMember.ReadWrite.All", 403),
                row("delete group", "owner", 204), row("delete group", "other user", 403),
                row("delete group", "app Group.ReadWrite.All", 204), row("delete group", "anonymous", 401),
                row("list members", "member reader", 200), row("list members", "group reader", 200),
                row("list members", "self", 403),
                row("add member", "owner", 204), row("add member", "groups admin", 204),
                row("add member", "other user", 403), row("add member", "member reader", 403),
                row("add member", "app GroupMember.ReadWrite.All", 204), row("add member", "sync engine", 403),
                // authorised callers reach the rule: Alice is the group's last owner (400)
                row("remove owner", "owner", 400), row("remove owner", "groups admin", 400),
                row("remove owner", "other user", 403),
                row("read SOA", "group reader", 200), row("read SOA", "app SOA", 200), row("read SOA", "self", 403),
                // authorised callers reach the rule: a cloud group has no Source of Authority to transfer (400)
                row("switch SOA", "groups admin", 400), row("switch SOA", "app SOA", 400),
                row("switch SOA", "owner", 403), row("switch SOA", "app Group.ReadWrite.All", 403),
                row("read Bob's memberOf", "self", 200), row("read Bob's memberOf", "groups admin", 200),
                row("read Bob's memberOf", "member reader", 403), row("read Bob's memberOf", "owner", 403),
                row("read authorization policy", "app Directory.Read.All", 200),
                row("read authorization policy", "privileged role admin", 200),
                row("read authorization policy", "group reader", 403),
                row("update authorization policy", "privileged role admin", 204),
                row("update authorization policy", "groups admin", 403),
                row("update authorization policy", "app Directory.Read.All", 403),
                row("list group settings", "app Directory.Read.All", 200),
                row("list group settings", "group reader", 403),
                row("create group setting", "app Directory.Read.All", 403),
                row("create group setting", "other user", 403),
                row("create user", "user admin", 400), row("create user", "app User.ReadWrite.All", 400),
                row("create user", "groups admin", 403), row("create user", "group reader", 403),
                // authorised callers reach the rule: Bob is synced from AD (400)
                row("update Bob", "user admin", 400), row("update Bob", "other user", 403),
                row("list users", "groups admin", 200), row("list users", "app Directory.Read.All", 200),
                row("list users", "group reader", 403), row("list users", "anonymous", 401),
                row("read Bob", "user admin", 200), row("read Bob", "app User.ReadWrite.All", 200),
                row("read Bob", "member reader", 403),
                // without ConsistencyLevel: eventual, authorised callers reach Graph's rule (400)
                row("count users", "app Directory.Read.All", 400), row("count users", "owner", 403),
                row("assign licences to Bob", "user admin", 400),
                row("assign licences to Bob", "app User.ReadWrite.All", 400),
                row("assign licences to Bob", "groups admin", 403), row("assign licences to Bob", "other user", 403),
                row("assign licences to Bob", "app Directory.Read.All", 403));
    }

    private static Arguments row(String operation, String caller, int status) {
        return Arguments.of(operation, caller, status);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("matrix")
    void answersEachOperationForEachCallerAsTheMatrixSays(String operation, String caller, int status) {
        syncKnownUser(ALICE, ALICE_ANCHOR, "alice");
        syncKnownUser(BOB, BOB_ANCHOR, "bob");
        String group = ownedByAlice();
        Operation op = OPERATIONS.get(operation);
        String token = CALLERS.get(caller);

        var request = api.request(Api.path(op.path().apply(group)), token.isEmpty() ? null : token);
        if (op.body() != null) {
            request.header("Content-Type", "application/json");
        }
        Api.Response response = api.send(request.method(op.method(), op.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(op.body())));

        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.errorCode()).isEqualTo("Authorization_RequestDenied");
        }
    }

    private String ownedByAlice() {
        String name = "Matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v1.0/groups", ADMIN_TOKEN, "{\"displayName\":\"" + name
                + "\",\"mailNickname\":\"" + name + "\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + ALICE + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void syncKnownUser(String id, String anchor, String name) {
        commands.send(new SyncUserFromOnPremises(id, anchor, name + "@corp.example.test", name, null, null, name,
                "CN=" + name, Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);
    }
}
