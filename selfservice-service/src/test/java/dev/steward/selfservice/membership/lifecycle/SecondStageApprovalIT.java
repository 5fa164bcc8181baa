package dev.steward.selfservice.membership.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.ApproveMembershipRequest;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RejectMembershipRequest;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
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

/**
 * The optional second approval stage (beyond Entra): an owner approves, then one member of the join policy's approver
 * group approves or rejects, once; only then is the member added.
 */
class SecondStageApprovalIT extends SelfServiceTestBase {

    @Test
    void anOwnersApprovalWaitsForTheApproverGroupAndOnlyItsApprovalAddsTheMember() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        TestUser erin = TestUser.named("erin");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().named("Security Office").withMembers(erin.id()));
        GroupFixture group = twoStageGroup(alice, approvers);
        String requestId = request(carol, group).text("id");

        Response firstStage = http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}");

        assertThat(firstStage.status()).as(firstStage.body()).isEqualTo(200);
        assertThat(firstStage.text("status")).isEqualTo("PendingSecondStage");
        assertThat(firstStage.text("secondStageApproverGroupId")).isEqualTo(approvers.id());
        assertThat(firstStage.text("firstStageDecidedById")).isEqualTo(alice.id());
        assertThat(firstStage.json().get("approverIds").get(0).asString()).isEqualTo(erin.id());
        assertThat(addCommands(requestId)).as("nobody is added after the first stage").isZero();
        assertThat(ids(http.get("/mygroups/approvals", erin.token()))).contains(requestId);
        assertThat(ids(http.get("/mygroups/approvals", alice.token()))).doesNotContain(requestId);
        assertThat(http.get("/mygroups/requests/" + requestId, erin.token()).status()).isEqualTo(200);
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}").status())
                .as("an owner outside the approver group does not decide the second stage").isEqualTo(403);

        Response secondStage = http.post("/mygroups/requests/" + requestId + "/approve", erin.token(), "{}");

        assertThat(secondStage.status()).isEqualTo(200);
        assertThat(secondStage.text("status")).isEqualTo("Approved");
        assertThat(secondStage.text("decidedById")).isEqualTo(erin.id());
        AddMembers add = (AddMembers) awaitCommand(AddMembers.class, group.id()).value();
        assertThat(add.memberIds()).containsExactly(carol.id());
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", erin.token(), "{}").errorMessage())
                .isEqualTo("The request is no longer pending: it is Approved.");
        awaitOutboxDrained();
        assertThat(events(MembershipRequestFirstStageApproved.class, requestId)).singleElement().satisfies(event -> {
            assertThat(event.decidedById()).isEqualTo(alice.id());
            assertThat(event.approverGroupId()).isEqualTo(approvers.id());
        });
        assertThat(events(MembershipRequestApproved.class, requestId)).singleElement()
                .satisfies(event -> assertThat(event.decidedById()).isEqualTo(erin.id()));
    }

    @Test
    void aSecondStageApproverRejectsWithAReasonAndTheRequesterMayCancelWhileItWaits() {
        TestUser alice = TestUser.named("alice");
        TestUser erin = TestUser.named("erin");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().withMembers(erin.id()));
        GroupFixture group = twoStageGroup(alice, approvers);
        TestUser carol = TestUser.named("carol");
        TestUser frank = TestUser.named("frank");
        String rejectedId = request(carol, group).text("id");
        String cancelledId = request(frank, group).text("id");
        http.post("/mygroups/requests/" + rejectedId + "/approve", alice.token(), "{}");
        http.post("/mygroups/requests/" + cancelledId + "/approve", alice.token(), "{}");

        Response rejected = http.post("/mygroups/requests/" + rejectedId + "/reject", erin.token(),
                "{\"reason\":\"needs security training first\"}");
        Response cancelled = http.post("/mygroups/requests/" + cancelledId + "/cancel", frank.token(), "{}");

        assertThat(rejected.text("status")).isEqualTo("Rejected");
        assertThat(rejected.text("rejectionReason")).isEqualTo("needs security training first");
        assertThat(cancelled.text("status")).isEqualTo("Cancelled");
        assertThat(addCommands(rejectedId) + addCommands(cancelledId)).isZero();
        awaitOutboxDrained();
        assertThat(events(MembershipRequestRejected.class, rejectedId)).singleElement()
                .satisfies(event -> assertThat(event.decidedById()).isEqualTo(erin.id()));
    }

    @Test
    void twoApproversDecidingTheSecondStageAtTheSameMomentGiveExactlyOneOutcome() throws Exception {
        TestUser alice = TestUser.named("alice");
        TestUser erin = TestUser.named("erin");
        TestUser gina = TestUser.named("gina");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().withMembers(erin.id(), gina.id()));
        GroupFixture group = twoStageGroup(alice, approvers);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String requestId = request(TestUser.named("user" + round), group).text("id");
                assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}")
                        .text("status")).isEqualTo("PendingSecondStage");
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Response> approve = CompletableFuture.supplyAsync(() -> {
                    arrive(together);
                    return http.post("/mygroups/requests/" + requestId + "/approve", erin.token(), "{}");
                }, threads);
                CompletableFuture<Response> reject = CompletableFuture.supplyAsync(() -> {
                    arrive(together);
                    return http.post("/mygroups/requests/" + requestId + "/reject", gina.token(),
                            "{\"reason\":\"not this quarter\"}");
                }, threads);

                List<Response> answers = List.of(approve.get(), reject.get());
                assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 400);
                String winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                        .text("status");
                assertThat(http.get("/mygroups/requests/" + requestId, alice.token()).text("status")).isEqualTo(winner);
                assertThat(addCommands(requestId)).isEqualTo(winner.equals("Approved") ? 1 : 0);
                awaitOutboxDrained();
                assertThat(events(MembershipRequestApproved.class, requestId).size()
                        + events(MembershipRequestRejected.class, requestId).size()).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSecondStageIsDecidedByKafkaCommandsAsTheFirstIs() {
        TestUser alice = TestUser.named("alice");
        TestUser erin = TestUser.named("erin");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().withMembers(erin.id()));
        GroupFixture group = twoStageGroup(alice, approvers);
        String requestId = request(TestUser.named("carol"), group).text("id");
        var firstStage = new ApproveMembershipRequest(metadata(), requestId);
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, firstStage, alice.token());
        assertThat(awaitResult(firstStage.metadata()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        var byOwner = new RejectMembershipRequest(metadata(), requestId, "owners decided already");
        var byApprover = new ApproveMembershipRequest(metadata(), requestId);

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, byOwner, alice.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, byApprover, erin.token());

        CommandResult refused = awaitResult(byOwner.metadata());
        assertThat(refused.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(awaitResult(byApprover.metadata()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(http.get("/mygroups/requests/" + requestId, erin.token()).text("status")).isEqualTo("Approved");
        assertThat(addCommands(requestId)).isEqualTo(1);
    }

    @Test
    void approverGroupMembershipIsReadWhenTheSecondStageIsDecided() {
        TestUser alice = TestUser.named("alice");
        TestUser erin = TestUser.named("erin");
        TestUser hank = TestUser.named("hank");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().withMembers(erin.id()));
        GroupFixture group = twoStageGroup(alice, approvers);
        String requestId = request(TestUser.named("carol"), group).text("id");
        http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}");

        publishAndAwaitConsumed(DirectoryEvents.membersAdded(approvers, Instant.now(), DirectoryObjectRef.user(hank.id())),
                DirectoryEvents.membersRemoved(approvers, Instant.now(), DirectoryObjectRef.user(erin.id())));

        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", erin.token(), "{}").status())
                .as("a former member of the approver group no longer sees the request").isEqualTo(404);
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", hank.token(), "{}").text("status"))
                .isEqualTo("Approved");
    }

    @Test
    void theSecondStageIsSetWithOwnerApprovalOnlyAndNamesAKnownGroup() {
        TestUser alice = TestUser.named("alice");
        GroupFixture approvers = given(GroupFixture.microsoft365Group());
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).joining(JoinPolicy.CLOSED));

        Response withOpen = http.patch("/mygroups/groups/" + group.id(), alice.token(),
                "{\"joinPolicy\":\"Open\",\"secondStageApproverGroupId\":\"" + approvers.id() + "\"}");
        Response unknown = http.patch("/mygroups/groups/" + group.id(), alice.token(),
                "{\"joinPolicy\":\"OwnerApproval\",\"secondStageApproverGroupId\":\"" + UUID.randomUUID() + "\"}");
        Response set = http.patch("/mygroups/groups/" + group.id(), alice.token(),
                "{\"joinPolicy\":\"OwnerApproval\",\"secondStageApproverGroupId\":\"" + approvers.id() + "\"}");
        Response cleared = http.patch("/mygroups/groups/" + group.id(), alice.token(), "{\"joinPolicy\":\"OwnerApproval\"}");

        assertThat(withOpen.status()).isEqualTo(400);
        assertThat(withOpen.errorMessage()).contains("only with the join policy OwnerApproval");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("does not exist");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text("secondStageApproverGroupId")).isEqualTo(approvers.id());
        assertThat(cleared.text("secondStageApproverGroupId")).isNull();
        awaitOutboxDrained();
        List<GroupSecondStageApproverChanged> changes = kafka.readAll(Topics.SELFSERVICE_EVENTS).stream()
                .map(ConsumerRecord::value).filter(GroupSecondStageApproverChanged.class::isInstance)
                .map(GroupSecondStageApproverChanged.class::cast).filter(e -> e.groupId().equals(group.id())).toList();
        assertThat(changes).extracting(GroupSecondStageApproverChanged::approverGroupId)
                .containsExactly(approvers.id(), null);
    }

    private GroupFixture twoStageGroup(TestUser owner, GroupFixture approvers) {
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(owner.id()).joining(JoinPolicy.CLOSED));
        Response set = http.patch("/mygroups/groups/" + group.id(), owner.token(),
                "{\"joinPolicy\":\"OwnerApproval\",\"secondStageApproverGroupId\":\"" + approvers.id() + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return group;
    }

    private Response request(TestUser requester, GroupFixture group) {
        Response made = http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made;
    }

    private int addCommands(String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directory_command WHERE request_id = ?", Integer.class,
                requestId);
    }

    private CommandResult awaitResult(CommandMetadata metadata) {
        return await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.SELFSERVICE_COMMAND_RESULTS).stream()
                        .map(ConsumerRecord::value).filter(CommandResult.class::isInstance).map(CommandResult.class::cast)
                        .filter(result -> result.commandId().equals(metadata.commandId())).toList(),
                results -> !results.isEmpty()).get(0);
    }

    private static CommandMetadata metadata() {
        return new CommandMetadata(UUID.randomUUID(), Instant.now(), "corr-" + UUID.randomUUID());
    }

    private <T extends IntegrationEvent> List<T> events(Class<T> type, String requestId) {
        return kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value).filter(type::isInstance)
                .map(type::cast).filter(event -> event.metadata().aggregateId().equals(requestId)).toList();
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(Response collection) {
        assertThat(collection.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        collection.json().get("value").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
