package dev.steward.selfservice.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MyGroupsHttpIT extends SelfServiceTestBase {

    @Test
    void requestReachesEveryOwnersInboxAndPublishesMembershipRequested() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture engineering = given(GroupFixture.cloudSecurityGroup().named("Engineering")
                .ownedBy(alice.id(), dave.id()));
        String clientRequestId = UUID.randomUUID().toString();

        Response created = http.post("/mygroups/requests", carol.token(),
                "{\"groupId\":\"" + engineering.id() + "\",\"justification\":\"I work on the build\"}", clientRequestId);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        String requestId = created.text("id");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/mygroups/requests/" + requestId));
        assertThat(created.text("groupId")).isEqualTo(engineering.id());
        assertThat(created.text("groupDisplayName")).isEqualTo("Engineering");
        assertThat(created.text("requesterId")).isEqualTo(carol.id());
        assertThat(created.text("requesterUserPrincipalName")).isEqualTo(carol.userPrincipalName());
        assertThat(created.text("justification")).isEqualTo("I work on the build");
        assertThat(created.text("status")).isEqualTo("Pending");
        Instant createdAt = Instant.parse(created.text("createdDateTime"));

        for (TestUser owner : List.of(alice, dave)) {
            Response inbox = http.get("/mygroups/approvals", owner.token());
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.text("@odata.context")).endsWith("/$metadata#membershipRequests");
            assertThat(ids(inbox)).containsExactly(requestId);
            JsonNode item = inbox.json().get("value").get(0);
            assertThat(item.get("requesterUserPrincipalName").asString()).isEqualTo(carol.userPrincipalName());
            assertThat(item.get("groupDisplayName").asString()).isEqualTo("Engineering");
            assertThat(item.get("status").asString()).isEqualTo("Pending");
        }

        awaitOutboxDrained();
        List<MembershipRequested> events = membershipRequested(requestId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.metadata().aggregateId()).isEqualTo(requestId);
            assertThat(event.metadata().occurredAt()).isEqualTo(createdAt);
            assertThat(event.metadata().correlationId()).isEqualTo(clientRequestId);
            assertThat(event.metadata().schemaVersion()).isEqualTo(1);
            assertThat(event.metadata().initiator().userId()).isEqualTo(carol.id());
            assertThat(event.metadata().initiator().userPrincipalName()).isEqualTo(carol.userPrincipalName());
            assertThat(event.groupId()).isEqualTo(engineering.id());
            assertThat(event.groupDisplayName()).isEqualTo("Engineering");
            assertThat(event.requesterId()).isEqualTo(carol.id());
            assertThat(event.requesterUserPrincipalName()).isEqualTo(carol.userPrincipalName());
            assertThat(event.approverIds()).containsExactlyInAnyOrder(alice.id(), dave.id());
            assertThat(event.justification()).isEqualTo("I work on the build");
        });
    }

    @Test
    void ownersSeeOnlyTheirOwnGroupsRequests() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TestUser carol = TestUser.named("carol");
        GroupFixture engineering = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        GroupFixture marketing = given(GroupFixture.microsoft365Group().ownedBy(dave.id()));

        String toEngineering = request(carol, engineering).text("id");
        String toMarketing = request(carol, marketing).text("id");

        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).containsExactly(toEngineering);
        assertThat(ids(http.get("/mygroups/approvals", dave.token()))).containsExactly(toMarketing);
        assertThat(ids(http.get("/mygroups/approvals", carol.token()))).isEmpty();
        assertThat(ids(http.get("/mygroups/requests", carol.token()))).containsExactlyInAnyOrder(toEngineering, toMarketing);
        assertThat(ids(http.get("/mygroups/requests", alice.token()))).isEmpty();
        assertThat(http.get("/mygroups/requests/" + toMarketing, alice.token()).status()).isEqualTo(404);
        assertThat(http.get("/mygroups/requests/" + toEngineering, dave.token()).status()).isEqualTo(404);
    }

    @Test
    void routesAJoinRequestToOwnersAddedByEvents() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Platform"));
        assertThat(request(TestUser.named("bob"), group).errorMessage()).contains("no owners");

        publishAndAwaitConsumed(DirectoryEvents.ownersAdded(group, DirectoryEvents.T0.plusSeconds(1), alice.id()),
                DirectoryEvents.ownersAdded(group, DirectoryEvents.T0.plusSeconds(2), dave.id()));
        Response toBoth = request(TestUser.named("carol"), group);

        assertThat(toBoth.status()).isEqualTo(201);
        assertThat(toBoth.json().get("approverIds").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(alice.id(), dave.id());
        awaitOutboxDrained();
        assertThat(membershipRequested(toBoth.text("id"))).singleElement()
                .satisfies(event -> assertThat(event.approverIds()).containsExactlyInAnyOrder(alice.id(), dave.id()));

        publishAndAwaitConsumed(DirectoryEvents.ownersRemoved(group, DirectoryEvents.T0.plusSeconds(3), dave.id()));
        Response toAlice = request(TestUser.named("erin"), group);

        assertThat(toAlice.json().get("approverIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(alice.id());
    }

    @Test
    void ownersSeeApprovalsWhileTheirOwnershipLasts() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(TestUser.named("carol"), group).text("id");
        assertThat(ids(http.get("/mygroups/approvals", dave.token()))).isEmpty();

        publishAndAwaitConsumed(DirectoryEvents.ownersAdded(group, DirectoryEvents.T0.plusSeconds(1), dave.id()));
        assertThat(ids(http.get("/mygroups/approvals", dave.token()))).containsExactly(requestId);
        assertThat(http.get("/mygroups/requests/" + requestId, dave.token()).status()).isEqualTo(200);

        publishAndAwaitConsumed(DirectoryEvents.ownersRemoved(group, DirectoryEvents.T0.plusSeconds(2), alice.id()));
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).isEmpty();
        assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).status()).isEqualTo(404);
        assertThat(ids(http.get("/mygroups/approvals", dave.token()))).containsExactly(requestId);
    }

    @Test
    void aGroupAdministratorsInboxListsEveryRequestWaitingForADecision() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TestUser carol = TestUser.named("carol");
        GroupFixture engineering = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        GroupFixture marketing = given(GroupFixture.microsoft365Group().ownedBy(dave.id()));
        String toEngineering = request(carol, engineering).text("id");
        String toMarketing = request(carol, marketing).text("id");
        TestUser erin = TestUser.named("erin");
        String cancelled = request(erin, marketing).text("id");
        assertThat(http.post("/mygroups/requests/" + cancelled + "/cancel", erin.token(), "{}").status()).isEqualTo(200);
        String admin = TestUser.named("admin").token(List.of(Permissions.GROUP_READ_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR);

        List<String> inbox = new ArrayList<>();
        String next = "/mygroups/approvals?$top=2";
        while (next != null) {
            Response page = http.get(next, admin);
            assertThat(page.status()).isEqualTo(200);
            inbox.addAll(ids(page));
            next = page.json().has("@odata.nextLink")
                    ? page.json().get("@odata.nextLink").asString().replaceFirst("^https?://[^/]+", "") : null;
        }

        assertThat(inbox).contains(toEngineering, toMarketing).doesNotContain(cancelled).doesNotHaveDuplicates();
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).containsExactly(toEngineering);
    }

    @Test
    void requestIsVisibleToItsRequesterOwnersAndGroupAdministratorsOnly() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        TestUser mallory = TestUser.named("mallory");
        TestUser admin = TestUser.named("admin");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");

        for (String token : List.of(carol.token(), alice.token(),
                admin.token(List.of(Permissions.GROUP_READ_ALL), DirectoryRoles.GROUPS_ADMINISTRATOR))) {
            Response one = http.get("/mygroups/requests/" + requestId, token);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.text("id")).isEqualTo(requestId);
            assertThat(one.json().get("approverIds").get(0).asString()).isEqualTo(alice.id());
        }
        Response hidden = http.get("/mygroups/requests/" + requestId, mallory.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(http.get("/mygroups/requests/" + UUID.randomUUID(), admin.token(List.of(Permissions.GROUP_READ_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR)).status()).isEqualTo(404);
    }

    @Test
    void rejectsCallsWithoutValidToken() {
        var claims = DevTokens.Claims.user(UUID.randomUUID().toString(), "eve@corp.example.test", "Eve",
                TestUser.USER_SCOPES, List.of());
        String body = "{\"groupId\":\"" + UUID.randomUUID() + "\"}";

        for (String token : new String[] {null, TestTokens.forged(claims), TestTokens.expired(claims),
                TestTokens.mintDevIssuer(claims)}) {
            Response request = http.post("/mygroups/requests", token, body);
            assertThat(request.status()).isEqualTo(401);
            assertThat(request.errorCode()).isEqualTo("InvalidAuthenticationToken");
            assertThat(http.get("/mygroups/approvals", token).status()).isEqualTo(401);
            assertThat(http.get("/mygroups/requests", token).status()).isEqualTo(401);
        }
    }

    @Test
    void rejectsCallerWithoutThePermission() {
        TestUser alice = TestUser.named("alice");
        TestUser reader = TestUser.named("reader");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));

        Response request = http.post("/mygroups/requests", reader.token(List.of(Permissions.GROUP_READ_ALL, "User.Read")),
                "{\"groupId\":\"" + group.id() + "\"}");
        assertThat(request.status()).isEqualTo(403);
        assertThat(request.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(request.errorMessage()).isEqualTo("Insufficient privileges to complete the operation.");

        assertThat(http.get("/mygroups/approvals", alice.token(List.of("User.Read"))).status()).isEqualTo(403);
        assertThat(http.get("/mygroups/requests", alice.token(List.of("User.Read"))).status()).isEqualTo(403);
        String app = TestTokens.app(UUID.randomUUID().toString(), Permissions.GROUP_READWRITE_ALL);
        assertThat(http.get("/mygroups/approvals", app).status()).isEqualTo(403);
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).isEmpty();
    }

    @Test
    void rejectsRequestToJoinGroupMasteredOnPremises() {
        TestUser alice = TestUser.named("alice");
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().named("Engineering").ownedBy(alice.id()));

        Response refused = request(TestUser.named("bob"), synced);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.errorMessage()).contains("mastered on-premises");
        assertThat(refused.json().get("error").get("innerError").get("request-id").asString()).isNotBlank();
    }

    @Test
    void groupTakesRequestsOnceItsSourceOfAuthorityMovedToCloud() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().ownedBy(alice.id()));
        assertThat(request(bob, synced).status()).isEqualTo(400);

        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.sourceOfAuthorityChanged(synced, true, null,
                DirectoryEvents.T0.plusSeconds(60)));
        await().atMost(TIMEOUT).until(() -> groups.find(synced.id()).orElseThrow().isCloudManaged());
        assertThat(request(bob, synced).errorMessage()).as("closed until an owner sets its policy again")
                .contains("is closed");
        assertThat(http.patch("/mygroups/groups/" + synced.id(), alice.token(), "{\"joinPolicy\":\"OwnerApproval\"}")
                .status()).isEqualTo(200);

        assertThat(request(bob, synced).status()).isEqualTo(201);
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).hasSize(1);
    }

    @Test
    void rejectsRequestToJoinDistributionGroup() {
        GroupFixture distribution = given(GroupFixture.distributionGroup().named("Marketing-DL")
                .ownedBy(TestUser.named("alice").id()));

        Response refused = request(TestUser.named("bob"), distribution);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.errorMessage()).contains("distribution group");
    }

    @Test
    void rejectsRequestsThatBreakTheRules() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(bob.id()));
        GroupFixture ownerless = given(GroupFixture.cloudSecurityGroup());
        GroupFixture dynamic = given(GroupFixture.dynamicSecurityGroup().ownedBy(alice.id()));

        Response unknown = http.post("/mygroups/requests", bob.token(), "{\"groupId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(request(bob, group).errorMessage()).contains("already a member");
        assertThat(request(bob, ownerless).errorMessage()).contains("no owners");
        assertThat(request(bob, dynamic).errorMessage()).contains("dynamic membership");

        TestUser carol = TestUser.named("carol");
        assertThat(request(carol, group).status()).isEqualTo(201);
        Response second = request(carol, group);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.errorMessage()).contains("already pending");
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).hasSize(1);
    }

    @Test
    void onlyGroupAdministratorsRequestForSomeoneElse() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        TestUser carol = given(TestUser.named("carol"));
        TestUser admin = TestUser.named("admin");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String forCarol = "{\"groupId\":\"" + group.id() + "\",\"requesterId\":\"" + carol.id() + "\"}";

        assertThat(http.post("/mygroups/requests", bob.token(), forCarol).status()).isEqualTo(403);

        Response byAdmin = http.post("/mygroups/requests", admin.token(List.of(Permissions.GROUP_READWRITE_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR), forCarol);
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.text("requesterId")).isEqualTo(carol.id());
        assertThat(byAdmin.text("requesterUserPrincipalName")).isEqualTo(carol.userPrincipalName());
        assertThat(ids(http.get("/mygroups/requests", carol.token()))).containsExactly(byAdmin.text("id"));

        Response unknownUser = http.post("/mygroups/requests", admin.token(List.of(Permissions.GROUP_READWRITE_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR), "{\"groupId\":\"" + group.id() + "\",\"requesterId\":\""
                + UUID.randomUUID() + "\"}");
        assertThat(unknownUser.status()).isEqualTo(404);
    }

    @Test
    void answersMalformedInputWithGraphErrors() {
        TestUser bob = TestUser.named("bob");

        for (String body : List.of("{not json", "[]", "null", "{}", "{\"groupId\":\"  \"}",
                "{\"groupId\":\"g\",\"justification\":\"" + "x".repeat(1001) + "\"}",
                "{\"groupId\":\"" + UUID.randomUUID() + "\",\"groupId\":\"" + UUID.randomUUID() + "\"}",
                "{\"groupId\":\"" + UUID.randomUUID() + "\",\"justifcation\":\"typo\"}",
                "{\"groupId\":\"" + UUID.randomUUID() + "\"} trailing")) {
            Response response = http.post("/mygroups/requests", bob.token(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("Request_BadRequest");
        }
        for (String query : List.of("?$top=0", "?$top=1000", "?$top=many", "?$skiptoken=garbage!")) {
            Response response = http.get("/mygroups/approvals" + query, bob.token());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("Request_BadRequest");
        }
    }

    @Test
    void pagesTheInboxWithSkipToken() {
        TestUser alice = TestUser.named("alice");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requested.add(request(TestUser.named("user" + i), group).text("id"));
        }

        Response first = http.get("/mygroups/approvals?$top=2", alice.token());
        assertThat(first.json().get("value")).hasSize(2);
        String nextLink = first.text("@odata.nextLink");
        assertThat(nextLink).contains("$skiptoken=").contains("$top=2");
        Response second = http.get(nextLink, alice.token());

        assertThat(second.json().get("value")).hasSize(1);
        assertThat(second.json().has("@odata.nextLink")).isFalse();
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(requested);
    }

    private Response request(TestUser requester, GroupFixture group) {
        return http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
    }

    private static List<String> ids(Response collection) {
        assertThat(collection.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        collection.json().get("value").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private List<MembershipRequested> membershipRequested(String requestId) {
        return kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value)
                .filter(MembershipRequested.class::isInstance).map(MembershipRequested.class::cast)
                .filter(event -> event.requestId().equals(requestId)).toList();
    }
}
