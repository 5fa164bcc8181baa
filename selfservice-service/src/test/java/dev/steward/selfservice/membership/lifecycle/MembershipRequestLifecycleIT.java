package dev.steward.selfservice.membership.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.membership.command.RequestExpiry;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestServiceTokens;
import dev.steward.selfservice.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MembershipRequestLifecycleIT extends SelfServiceTestBase {

    @Autowired
    RequestExpiry expiry;

    @Test
    void approvalSendsAddMembersWithTheServiceTokenAndCompletesOnlyWhenTheDirectoryConfirms() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Engineering").ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");

        Response approved = http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Approved");
        assertThat(approved.text("decidedById")).isEqualTo(alice.id());
        ConsumerRecord<String, ContractMessage> sent = awaitCommand(AddMembers.class, group.id());
        AddMembers add = (AddMembers) sent.value();
        assertThat(add.memberIds()).containsExactly(carol.id());
        assertThat(header(sent, CloudEventHeaders.AUTHORIZATION)).isEqualTo("Bearer " + TestServiceTokens.SELFSERVICE_TOKEN);
        assertThat(http.get("/mygroups/requests/" + requestId, carol.token()).text("status"))
                .as("not completed before the directory confirms").isEqualTo("Approved");
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).doesNotContain(requestId);

        kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(new CommandResult.ContractCommandRef(
                add.metadata().commandId(), "directory.AddMembers", add.metadata().correlationId(), group.id()),
                Instant.now()));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                http.get("/mygroups/requests/" + requestId, carol.token()).text("status")).isEqualTo("Completed"));
        awaitOutboxDrained();
        assertThat(events(MembershipRequestApproved.class, requestId)).singleElement().satisfies(event -> {
            assertThat(event.decidedById()).isEqualTo(alice.id());
            assertThat(event.automatic()).isFalse();
            assertThat(event.metadata().initiator().userId()).isEqualTo(alice.id());
            assertThat(event.groupDisplayName()).isEqualTo("Engineering");
            assertThat(event.requesterUserPrincipalName()).isEqualTo(carol.userPrincipalName());
        });
        assertThat(events(MembershipRequestCompleted.class, requestId)).singleElement()
                .satisfies(event -> assertThat(event.directoryCommandId()).isEqualTo(add.metadata().commandId().toString()));
    }

    @Test
    void addRefusedByTheDirectoryIsShownToRequesterAndOwners() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");
        http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}");
        AddMembers add = (AddMembers) awaitCommand(AddMembers.class, group.id()).value();

        kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.rejected(new CommandResult.ContractCommandRef(
                add.metadata().commandId(), "directory.AddMembers", null, group.id()), "Request_BadRequest",
                "One or more added object references already exist for the following modified properties: 'members'.",
                Instant.now()));

        for (TestUser viewer : List.of(carol, alice)) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Response shown = http.get("/mygroups/requests/" + requestId, viewer.token());
                assertThat(shown.text("status")).isEqualTo("AddRefused");
                assertThat(shown.json().get("addError").get("code").asString()).isEqualTo("Request_BadRequest");
                assertThat(shown.json().get("addError").get("message").asString()).contains("already exist");
            });
        }
        awaitOutboxDrained();
        assertThat(events(MembershipRequestAddRefused.class, requestId)).singleElement()
                .satisfies(event -> assertThat(event.errorCode()).isEqualTo("Request_BadRequest"));
    }

    @Test
    void twoOwnersDecidingAtTheSameMomentGiveExactlyOneOutcome() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id(), dave.id()));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String requestId = request(TestUser.named("user" + round), group).text("id");
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Response> approve = CompletableFuture.supplyAsync(() -> {
                    arrive(together);
                    return http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}");
                }, threads);
                CompletableFuture<Response> reject = CompletableFuture.supplyAsync(() -> {
                    arrive(together);
                    return http.post("/mygroups/requests/" + requestId + "/reject", dave.token(),
                            "{\"reason\":\"not this quarter\"}");
                }, threads);

                List<Response> answers = List.of(approve.get(), reject.get());
                assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 400);
                Response loser = answers.stream().filter(answer -> answer.status() == 400).findFirst().orElseThrow();
                assertThat(loser.errorMessage()).contains("no longer pending");
                String winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                        .text("status");
                assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).text("status")).isEqualTo(winner);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_command WHERE request_id = ?",
                        Integer.class, requestId)).isEqualTo(winner.equals("Approved") ? 1 : 0);
                awaitOutboxDrained();
                assertThat(events(MembershipRequestApproved.class, requestId).size()
                        + events(MembershipRequestRejected.class, requestId).size()).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rejectionNeedsAReasonAndShowsItToTheRequester() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");

        for (String body : List.of("{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "x".repeat(1001) + "\"}")) {
            Response refused = http.post("/mygroups/requests/" + requestId + "/reject", alice.token(), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        }
        Response rejected = http.post("/mygroups/requests/" + requestId + "/reject", alice.token(),
                "{\"reason\":\"Only the build team\"}");

        assertThat(rejected.status()).isEqualTo(200);
        Response seen = http.get("/mygroups/requests/" + requestId, carol.token());
        assertThat(seen.text("status")).isEqualTo("Rejected");
        assertThat(seen.text("rejectionReason")).isEqualTo("Only the build team");
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}").errorMessage())
                .as("an owner decides once").contains("no longer pending: it is Rejected");
        awaitOutboxDrained();
        assertThat(events(MembershipRequestRejected.class, requestId)).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("Only the build team");
            assertThat(event.decidedById()).isEqualTo(alice.id());
        });
    }

    @Test
    void onlyCurrentOwnersAndGroupAdministratorsDecideAndNeverTheirOwnRequest() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        TestUser mallory = TestUser.named("mallory");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");
        String approve = "/mygroups/requests/" + requestId + "/approve";
        var claims = DevTokens.Claims.user(alice.id(), alice.userPrincipalName(), "Alice", TestUser.USER_SCOPES, List.of());

        assertThat(http.post(approve, mallory.token(), "{}").status()).as("not an owner: cannot see it").isEqualTo(404);
        assertThat(http.post(approve, carol.token(), "{}").status()).as("the requester").isEqualTo(403);
        assertThat(http.post(approve, alice.token(List.of(Permissions.GROUP_READ_ALL)), "{}").status())
                .as("an owner without a write scope").isEqualTo(403);
        assertThat(http.post(approve, TestTokens.app(UUID.randomUUID().toString(), Permissions.GROUP_MEMBER_READWRITE_ALL),
                "{}").status()).as("an application").isEqualTo(403);
        for (String token : new String[] {null, TestTokens.forged(claims), TestTokens.expired(claims)}) {
            assertThat(http.post(approve, token, "{}").status()).isEqualTo(401);
            assertThat(http.post("/mygroups/requests/" + requestId + "/reject", token, "{\"reason\":\"x\"}").status())
                    .isEqualTo(401);
            assertThat(http.post("/mygroups/requests/" + requestId + "/cancel", token, "{}").status()).isEqualTo(401);
        }
        assertThat(http.post(approve, alice.token(), "{\"comment\":\"unknown\"}").status())
                .as("unknown body property").isEqualTo(400);
        Response rejectWithUnknown = http.post("/mygroups/requests/" + requestId + "/reject", alice.token(),
                "{\"reason\":\"no\",\"notify\":false}");
        assertThat(rejectWithUnknown.status()).as("unknown body property").isEqualTo(400);
        assertThat(rejectWithUnknown.errorMessage()).contains("'notify'");
        assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).text("status")).isEqualTo("Pending");

        Response byAdmin = http.post(approve, TestUser.named("admin").token(List.of(Permissions.GROUP_READWRITE_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR), "{}");
        assertThat(byAdmin.status()).isEqualTo(200);
    }

    @Test
    void theRequesterCancelsTheirPendingRequestAndNobodyElse() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(carol, group).text("id");
        String cancel = "/mygroups/requests/" + requestId + "/cancel";

        assertThat(http.post(cancel, alice.token(), "{}").status()).as("an owner").isEqualTo(403);
        assertThat(http.post(cancel, TestUser.named("mallory").token(), "{}").status()).isEqualTo(404);
        Response unknownProperty = http.post(cancel, carol.token(), "{\"reason\":\"changed my mind\"}");
        assertThat(unknownProperty.status()).as("unknown body property").isEqualTo(400);
        assertThat(unknownProperty.errorMessage()).contains("'reason'");
        Response cancelled = http.post(cancel, carol.token(), null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("Cancelled");
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).doesNotContain(requestId);
        assertThat(http.post(cancel, carol.token(), "{}").errorMessage()).contains("no longer pending");
        assertThat(request(carol, group).status()).as("asking again after a cancel").isEqualTo(201);
        awaitOutboxDrained();
        assertThat(events(MembershipRequestCancelled.class, requestId)).singleElement()
                .satisfies(event -> assertThat(event.metadata().initiator().userId()).isEqualTo(carol.id()));
    }

    @Test
    void ownerChangesRouteAPendingRequestToTheNewOwners() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String requestId = request(TestUser.named("carol"), group).text("id");

        publishAndAwaitConsumed(DirectoryEvents.ownersAdded(group, DirectoryEvents.T0.plusSeconds(1), dave.id()),
                DirectoryEvents.ownersRemoved(group, DirectoryEvents.T0.plusSeconds(2), alice.id()));

        assertThat(http.get("/mygroups/requests/" + requestId, dave.token()).json().get("approverIds").get(0).asString())
                .isEqualTo(dave.id());
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}").status())
                .as("a former owner").isEqualTo(404);
        awaitOutboxDrained();
        List<MembershipRequestRouted> routed = events(MembershipRequestRouted.class, requestId);
        assertThat(routed).hasSize(2);
        assertThat(routed.get(0).addedApproverIds()).containsExactly(dave.id());
        assertThat(routed.get(1).removedApproverIds()).containsExactly(alice.id());
        assertThat(routed.get(1).approverIds()).containsExactly(dave.id());
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", dave.token(), "{}").status()).isEqualTo(200);
    }

    @Test
    void pendingRequestIsRemindedOnceBeforeItExpiresAndThenExpires() {
        TestUser alice = TestUser.named("alice");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        Response made = request(TestUser.named("carol"), group);
        String requestId = made.text("id");
        Instant expires = Instant.parse(made.text("expirationDateTime"));
        assertThat(Duration.between(Instant.parse(made.text("createdDateTime")), expires)).isEqualTo(Duration.ofDays(14));

        expiry.run(expires.minus(Duration.ofDays(3)).minusSeconds(60));
        assertThat(reminded(requestId)).as("not yet due").isZero();
        expiry.run(expires.minus(Duration.ofDays(2)));
        expiry.run(expires.minus(Duration.ofDays(1)));
        assertThat(reminded(requestId)).as("reminded once").isEqualTo(1);
        assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).text("status")).isEqualTo("Pending");

        expiry.run(expires);

        assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).text("status")).isEqualTo("Expired");
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}").errorMessage())
                .contains("it is Expired");
        awaitOutboxDrained();
        assertThat(events(MembershipRequestReminded.class, requestId)).singleElement().satisfies(event -> {
            assertThat(event.approverIds()).containsExactly(alice.id());
            assertThat(event.expiresAt()).isEqualTo(expires);
        });
        assertThat(events(MembershipRequestExpired.class, requestId)).hasSize(1);
    }

    @Test
    void joiningAnOpenGroupAddsAtOnceAndAClosedGroupTakesNoRequests() {
        TestUser carol = TestUser.named("carol");
        GroupFixture open = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id())
                .joining(JoinPolicy.OPEN));
        GroupFixture closed = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id())
                .joining(JoinPolicy.CLOSED));

        Response joined = request(carol, open);

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.text("status")).isEqualTo("Approved");
        AddMembers add = (AddMembers) awaitCommand(AddMembers.class, open.id()).value();
        assertThat(add.memberIds()).containsExactly(carol.id());
        Response refused = request(carol, closed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).contains("is closed");
        awaitOutboxDrained();
        assertThat(events(MembershipRequestApproved.class, joined.text("id"))).singleElement()
                .satisfies(event -> assertThat(event.automatic()).isTrue());
    }

    @Test
    void leavingAGroupRemovesTheMemberAtOnce() {
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id())
                .withMembers(carol.id()));

        assertThat(http.post("/mygroups/groups/" + group.id() + "/leave", TestUser.named("bob").token(), "{}").status())
                .as("not a member").isEqualTo(400);
        assertThat(http.post("/mygroups/groups/" + group.id() + "/leave", null, "{}").status()).isEqualTo(401);
        assertThat(http.post("/mygroups/groups/" + group.id() + "/leave", TestTokens.app(UUID.randomUUID().toString(),
                Permissions.GROUP_MEMBER_READWRITE_ALL), "{}").status()).as("an application").isEqualTo(403);
        assertThat(http.post("/mygroups/groups/" + group.id() + "/leave", carol.token(List.of(Permissions.GROUP_READ_ALL)),
                "{}").status()).as("no write scope").isEqualTo(403);
        assertThat(http.post("/mygroups/groups/" + UUID.randomUUID() + "/leave", carol.token(), "{}").status())
                .isEqualTo(404);
        Response unknownProperty = http.post("/mygroups/groups/" + group.id() + "/leave", carol.token(),
                "{\"reason\":\"moving teams\"}");
        assertThat(unknownProperty.status()).as("unknown body property").isEqualTo(400);
        assertThat(unknownProperty.errorMessage()).contains("'reason'");
        Response left = http.post("/mygroups/groups/" + group.id() + "/leave", carol.token(), "{}");

        assertThat(left.status()).isEqualTo(202);
        RemoveMembers remove = (RemoveMembers) awaitCommand(RemoveMembers.class, group.id()).value();
        assertThat(remove.memberIds()).containsExactly(carol.id());
        assertThat(remove.metadata().commandId().toString()).isEqualTo(left.text("commandId"));
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer reminded(String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE id = ? AND reminded_at IS NOT NULL",
                Integer.class, requestId);
    }

    private Response request(TestUser requester, GroupFixture group) {
        return http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
    }

    private <T extends IntegrationEvent> List<T> events(Class<T> type, String requestId) {
        return kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value).filter(type::isInstance)
                .map(type::cast).filter(event -> event.metadata().aggregateId().equals(requestId)).toList();
    }

    private static List<String> ids(Response collection) {
        assertThat(collection.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        collection.json().get("value").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
