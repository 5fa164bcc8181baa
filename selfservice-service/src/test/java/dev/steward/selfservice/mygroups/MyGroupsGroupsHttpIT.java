package dev.steward.selfservice.mygroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MyGroupsGroupsHttpIT extends SelfServiceTestBase {

    @Test
    void groupsFromTheDirectoryGetTheAdminApiDefaultsAndAnSoaSwitchClosesAGroupAgain() {
        TestUser alice = TestUser.named("alice");
        GroupFixture security = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withDerivedJoinPolicy());
        GroupFixture unified = given(GroupFixture.microsoft365Group().ownedBy(alice.id()).withDerivedJoinPolicy());
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().ownedBy(alice.id()).withDerivedJoinPolicy());

        assertThat(group(security, alice).text("joinPolicy")).isEqualTo("Closed");
        assertThat(group(security, alice).json().get("canRequestToJoin").asBoolean()).isFalse();
        assertThat(group(unified, alice).text("joinPolicy")).isEqualTo("Open");
        assertThat(http.get("/mygroups/groups/" + synced.id(), alice.token()).status())
                .as("a group mastered on-premises is not in My Groups").isEqualTo(404);

        http.patch("/mygroups/groups/" + synced.id(), alice.token(), "{\"joinPolicy\":\"Open\"}");
        publishAndAwaitConsumed(DirectoryEvents.sourceOfAuthorityChanged(synced, true, null,
                DirectoryEvents.T0.plusSeconds(60)));

        assertThat(group(synced, alice).text("joinPolicy")).isEqualTo("Closed");
    }

    @Test
    void anOwnerChangesTheJoinPolicyAndEachChangeIsAnEvent() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Engineering").ownedBy(alice.id())
                .withDerivedJoinPolicy());
        String path = "/mygroups/groups/" + group.id();

        assertThat(http.patch(path, carol.token(), "{\"joinPolicy\":\"Open\"}").status()).as("not an owner")
                .isEqualTo(403);
        assertThat(http.patch(path, null, "{\"joinPolicy\":\"Open\"}").status()).isEqualTo(401);
        assertThat(http.patch(path, alice.token(List.of(Permissions.GROUP_READ_ALL)), "{\"joinPolicy\":\"Open\"}")
                .status()).as("no write scope").isEqualTo(403);
        assertThat(http.patch(path, alice.token(), "{\"joinPolicy\":\"Anyone\"}").status()).isEqualTo(400);
        assertThat(http.patch(path, alice.token(), "{\"joinPolicy\":\"Open\",\"visibility\":\"Public\"}").status())
                .as("unknown property").isEqualTo(400);
        assertThat(http.patch("/mygroups/groups/" + UUID.randomUUID(), alice.token(), "{\"joinPolicy\":\"Open\"}")
                .status()).isEqualTo(404);

        Response changed = http.patch(path, alice.token(), "{\"joinPolicy\":\"OwnerApproval\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("joinPolicy")).isEqualTo("OwnerApproval");
        assertThat(http.post("/mygroups/requests", carol.token(), "{\"groupId\":\"" + group.id() + "\"}").text("status"))
                .isEqualTo("Pending");
        Response byAdmin = http.patch(path, TestUser.named("admin").token(List.of(Permissions.GROUP_READWRITE_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR), "{\"joinPolicy\":\"Open\"}");
        assertThat(byAdmin.status()).isEqualTo(200);
        http.patch(path, alice.token(), "{\"joinPolicy\":\"Open\"}");

        awaitOutboxDrained();
        List<GroupJoinPolicyChanged> events = kafka.readAll(Topics.SELFSERVICE_EVENTS).stream()
                .map(ConsumerRecord::value).filter(GroupJoinPolicyChanged.class::isInstance)
                .map(GroupJoinPolicyChanged.class::cast).filter(event -> event.groupId().equals(group.id())).toList();
        assertThat(events).as("setting the same policy again publishes nothing").hasSize(2);
        assertThat(events.get(0).previousJoinPolicy()).isEqualTo("Closed");
        assertThat(events.get(0).joinPolicy()).isEqualTo("OwnerApproval");
        assertThat(events.get(0).metadata().initiator().userId()).isEqualTo(alice.id());
        assertThat(events.get(0).groupDisplayName()).isEqualTo("Engineering");
        assertThat(events.get(1).joinPolicy()).isEqualTo("Open");
    }

    @Test
    void listsWhatICanSeeAndJoinMyGroupsAndTheGroupsIOwn() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture joinable = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        GroupFixture mine = given(GroupFixture.microsoft365Group().ownedBy(alice.id()).withMembers(carol.id()));
        GroupFixture distribution = given(GroupFixture.distributionGroup().ownedBy(alice.id()).withMembers(carol.id()));
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().ownedBy(alice.id()));

        List<JsonNode> visible = all("/mygroups/groups?$top=2", carol);
        assertThat(visible).extracting(group -> group.get("id").asString()).contains(joinable.id(), mine.id())
                .doesNotContain(distribution.id(), synced.id());
        JsonNode joinableView = visible.stream().filter(group -> group.get("id").asString().equals(joinable.id()))
                .findFirst().orElseThrow();
        assertThat(joinableView.get("canRequestToJoin").asBoolean()).isTrue();
        assertThat(joinableView.get("isMember").asBoolean()).isFalse();
        http.post("/mygroups/requests", carol.token(), "{\"groupId\":\"" + joinable.id() + "\"}");
        assertThat(group(joinable, carol).json().get("canRequestToJoin").asBoolean())
                .as("a request is open").isFalse();

        assertThat(all("/mygroups/memberOf", carol)).extracting(group -> group.get("id").asString())
                .containsExactlyInAnyOrder(mine.id(), distribution.id());
        assertThat(all("/mygroups/ownedGroups", alice)).extracting(group -> group.get("id").asString())
                .containsExactlyInAnyOrder(joinable.id(), mine.id(), distribution.id(), synced.id());
        assertThat(all("/mygroups/ownedGroups", carol)).isEmpty();
    }

    @Test
    void refusesUnknownQueryOptionsUnauthenticatedAndAppOnlyCallers() {
        TestUser carol = TestUser.named("carol");
        for (String path : List.of("/mygroups/groups", "/mygroups/memberOf", "/mygroups/ownedGroups",
                "/mygroups/approvals", "/mygroups/requests")) {
            Response filtered = http.get(path + "?$filter=displayName eq 'x'".replace(" ", "%20"), carol.token());
            assertThat(filtered.status()).as(path).isEqualTo(400);
            assertThat(filtered.errorCode()).isEqualTo("Request_BadRequest");
            assertThat(filtered.errorMessage()).contains("$filter");
            assertThat(http.get(path + "?$top=1&foo=bar", carol.token()).status()).as(path).isEqualTo(400);
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, TestTokens.app(UUID.randomUUID().toString(), Permissions.GROUP_READ_ALL))
                    .status()).as(path).isEqualTo(403);
            assertThat(http.get(path + "?$skiptoken=garbage!", carol.token()).status()).as(path).isEqualTo(400);
        }
        assertThat(http.post("/mygroups/requests?debug=true", carol.token(), "{\"groupId\":\"g\"}").status())
                .isEqualTo(400);
    }

    private Response group(GroupFixture group, TestUser viewer) {
        Response response = http.get("/mygroups/groups/" + group.id(), viewer.token());
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private List<JsonNode> all(String path, TestUser viewer) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        while (next != null) {
            Response page = http.get(next, viewer.token());
            assertThat(page.status()).isEqualTo(200);
            page.json().get("value").forEach(items::add);
            next = page.text("@odata.nextLink");
        }
        return items;
    }
}
