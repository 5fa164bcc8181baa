package dev.steward.directory.it;

import static dev.steward.directory.it.Api.ids;
import static dev.steward.directory.it.Api.reference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Members and owners over Graph's HTTP API: {@code $ref} writes, navigations, binds at creation, who may do what. */
class MembershipApiIT extends DirectoryIntegrationTest {

    private static final String ALREADY_EXISTS = "One or more added object references already exist for the "
            + "following modified properties: 'members'.";

    /** A Groups Administrator who may also read users. */
    private final String admin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL, UserReadPolicy.USER_READ_ALL),
            List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    @Test
    void addsAndRemovesAMemberThroughRefs() {
        String group = createCloudGroup("Refs");
        String bob = syncedUser("bob");

        assertThat(addMember(group, bob, admin).status()).isEqualTo(204);
        JsonNode members = api.get("/v1.0/groups/" + group + "/members", admin).json();
        assertThat(members.get("value")).hasSize(1);
        assertThat(members.get("value").get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        assertThat(members.get("value").get(0).get("id").asString()).isEqualTo(bob);
        assertThat(members.get("value").get(0).get("userPrincipalName").asString()).startsWith("bob-");

        Api.Response duplicate = addMember(group, bob, admin);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorMessage()).isEqualTo(ALREADY_EXISTS);
        assertThat(addMember(group, UUID.randomUUID().toString(), admin).status()).isEqualTo(404);

        assertThat(api.delete("/v1.0/groups/" + group + "/members/" + bob + "/$ref", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1.0/groups/" + group + "/members", admin).json().get("value")).isEmpty();
        assertThat(api.delete("/v1.0/groups/" + group + "/members/" + bob + "/$ref", admin).status()).isEqualTo(404);
    }

    @Test
    void removesAMemberNamedByADollarIdReference() {
        String group = createCloudGroup("DollarId");
        String bob = syncedUser("bob");
        addMember(group, bob, admin);

        Api.Response removed = api.delete(Api.path("/v1.0/groups/%s/members/$ref?$id=https://graph.microsoft.com/v1.0/"
                + "directoryObjects/%s", group, bob), admin);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/v1.0/groups/" + group + "/members", admin).json().get("value")).isEmpty();
    }

    @Test
    void listsNestedGroupsWithTheirTypeAndTransitiveMembers() {
        String parent = createCloudGroup("Parent");
        String child = createCloudGroup("Child");
        String carol = syncedUser("carol");
        addMember(child, carol, admin);
        addMember(parent, child, admin);

        JsonNode direct = api.get("/v1.0/groups/" + parent + "/members", admin).json().get("value");
        assertThat(direct).hasSize(1);
        assertThat(direct.get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.group");
        JsonNode transitive = api.get("/v1.0/groups/" + parent + "/transitiveMembers?$select=id", admin).json();
        assertThat(ids(transitive)).containsExactlyInAnyOrder(child, carol);

        Api.Response count = api.send(api.request(Api.path("/v1.0/groups/%s/transitiveMembers/$count", parent), admin)
                .header("ConsistencyLevel", "eventual").GET());
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.raw().body()).isEqualTo("2");
        assertThat(api.get(Api.path("/v1.0/groups/%s/members/$count", parent), admin).status()).isEqualTo(400);
        assertThat(ids(api.get("/v1.0/users/" + carol + "/transitiveMemberOf", admin).json()))
                .containsExactlyInAnyOrder(child, parent);
    }

    @Test
    void refusesANestingThatWouldMakeACycle() {
        String parent = createCloudGroup("CycleParent");
        String child = createCloudGroup("CycleChild");
        addMember(parent, child, admin);

        Api.Response cycle = addMember(child, parent, admin);

        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(addMember(parent, parent, admin).status()).isEqualTo(400);
    }

    @Test
    void createsAGroupWithBoundOwnersAndMembersAllOrNothing() {
        String alice = syncedUser("alice");
        String bob = syncedUser("bob");
        String name = "Bound-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "\",\"mailNickname\":\""
                + name + "\",\"mailEnabled\":false,\"securityEnabled\":true,"
                + "\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + alice + "\"],"
                + "\"members@odata.bind\":[\"https://graph.microsoft.com/v1.0/directoryObjects/" + bob + "\"]}");

        assertThat(created.status()).isEqualTo(201);
        String group = created.json().get("id").asString();
        assertThat(ids(api.get("/v1.0/groups/" + group + "/owners", admin).json())).containsExactly(alice);
        assertThat(ids(api.get("/v1.0/groups/" + group + "/members", admin).json())).containsExactly(bob);
        assertThat(ids(api.get("/v1.0/users/" + alice + "/ownedObjects", admin).json())).containsExactly(group);

        String missing = UUID.randomUUID().toString();
        Api.Response refused = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "-2\",\"mailNickname\":\""
                + name + "2\",\"mailEnabled\":false,\"securityEnabled\":true,\"members@odata.bind\":["
                + "\"https://graph.microsoft.com/v1.0/directoryObjects/" + bob + "\","
                + "\"https://graph.microsoft.com/v1.0/directoryObjects/" + missing + "\"]}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get(Api.path("/v1.0/groups?$filter=displayName eq '%s-2'", name), admin).json().get("value"))
                .isEmpty();
    }

    @Test
    void addsBoundMembersWithAnUpdate() {
        String group = createCloudGroup("PatchBind");
        String bob = syncedUser("bob");

        Api.Response patched = api.patch("/v1.0/groups/" + group, admin, "{\"visibility\":\"Private\","
                + "\"members@odata.bind\":[\"https://graph.microsoft.com/v1.0/directoryObjects/" + bob + "\"]}");

        assertThat(patched.status()).isEqualTo(204);
        assertThat(ids(api.get("/v1.0/groups/" + group + "/members", admin).json())).containsExactly(bob);
        assertThat(api.get("/v1.0/groups/" + group, admin).json().get("visibility").asString()).isEqualTo("Private");
    }

    @Test
    void letsAnOwnerManageTheMembersOfTheirOwnGroupOnly() {
        String alice = syncedUser("alice");
        String bob = syncedUser("bob");
        String owned = createCloudGroup("Owned");
        String other = createCloudGroup("Other");
        assertThat(api.post("/v1.0/groups/" + owned + "/owners/$ref", admin, reference(alice)).status()).isEqualTo(204);
        String aliceToken = TestTokens.user(alice, "alice@corp.example.test",
                List.of(Permissions.GROUP_MEMBER_READWRITE_ALL), List.of());

        assertThat(addMember(owned, bob, aliceToken).status()).isEqualTo(204);
        Api.Response refused = addMember(other, bob, aliceToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");

        String reader = TestTokens.user(UUID.randomUUID().toString(), "reader@corp.example.test",
                List.of(Permissions.GROUP_READ_ALL), List.of());
        assertThat(addMember(owned, syncedUser("dan"), reader).status()).isEqualTo(403);
        assertThat(api.get("/v1.0/groups/" + owned + "/members", reader).status()).isEqualTo(200);
        assertThat(api.get("/v1.0/groups/" + owned + "/members", null).status()).isEqualTo(401);
    }

    @Test
    void refusesCloudMemberWritesToAnAdMasteredGroup() {
        AdGroup group = AdGroup.security("Mastered");
        commands.send(group.command(Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);

        Api.Response refused = addMember(group.id(), syncedUser("erin"), admin);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).startsWith("Unable to update the specified properties for on-premises");
        assertThat(api.delete("/v1.0/groups/" + group.id(), admin).status()).isEqualTo(400);
    }

    @Test
    void readsAUserByPrincipalNameInAnyCaseAndTheirGroups() {
        String frank = syncedUser("frank");
        String group = createCloudGroup("Frank");
        addMember(group, frank, admin);
        String upn = api.get("/v1.0/users/" + frank, admin).json().get("userPrincipalName").asString();

        Api.Response byName = api.get("/v1.0/users/" + upn.toUpperCase(Locale.ROOT), admin);

        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().get("id").asString()).isEqualTo(frank);
        JsonNode memberOf = api.get("/v1.0/users/" + upn + "/memberOf", admin).json();
        assertThat(ids(memberOf)).containsExactly(group);
        assertThat(memberOf.get("value").get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.group");
    }

    @Test
    void deletesACloudGroupWithItsMemberships() {
        String parent = createCloudGroup("DeleteParent");
        String doomed = createCloudGroup("Doomed");
        addMember(parent, doomed, admin);

        assertThat(api.delete("/v1.0/groups/" + doomed, admin).status()).isEqualTo(204);

        assertThat(api.get("/v1.0/groups/" + doomed, admin).status()).isEqualTo(404);
        assertThat(api.get("/v1.0/groups/" + parent + "/members", admin).json().get("value")).isEmpty();
        assertThat(api.delete("/v1.0/groups/" + doomed, admin).status()).isEqualTo(404);
    }

    @Test
    void matchesGroupIdsWithoutRegardToLetterCase() {
        String group = createCloudGroup("Case");

        assertThat(api.get("/v1.0/groups/" + group.toUpperCase(Locale.ROOT), admin).status()).isEqualTo(200);
        assertThat(addMember(group.toUpperCase(Locale.ROOT), syncedUser("gina").toUpperCase(Locale.ROOT), admin)
                .status()).isEqualTo(204);
    }

    @Test
    void refusesAReferenceThatIsNotAnObjectId() {
        String group = createCloudGroup("BadRef");

        Api.Response refused = api.post("/v1.0/groups/" + group + "/members/$ref", admin,
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/not-a-guid\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo("Invalid object identifier 'not-a-guid'.");
        assertThat(api.post("/v1.0/groups/" + group + "/members/$ref", admin, "{}").status()).isEqualTo(400);
    }

    @Test
    void refusesControlCharactersInTextBeforeStoringAnything() {
        Api.Response nul = api.post("/v1.0/groups", admin, "{\"displayName\":\"bad\\u0000name\",\"mailNickname\":"
                + "\"badname\",\"mailEnabled\":false,\"securityEnabled\":true}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.errorMessage()).isEqualTo("Invalid value specified for property 'displayName' of resource 'Group'.");

        String group = createCloudGroup("Control");
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"displayName\":\"bell\\u0007\"}").status())
                .isEqualTo(400);
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"description\":\"lone \\ud800 surrogate\"}").status())
                .isEqualTo(400);
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"description\":\"two\\nlines\"}").status())
                .isEqualTo(204);
    }

    private Api.Response addMember(String group, String member, String token) {
        return api.post("/v1.0/groups/" + group + "/members/$ref", token, reference(member));
    }

    private String createCloudGroup(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "\",\"mailNickname\":\""
                + name + "\",\"mailEnabled\":false,\"securityEnabled\":true}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
