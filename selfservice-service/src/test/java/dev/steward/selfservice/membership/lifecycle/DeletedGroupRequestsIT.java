package dev.steward.selfservice.membership.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** When the directory deletes a group, its requests waiting for a decision are closed and their requesters told. */
class DeletedGroupRequestsIT extends SelfServiceTestBase {

    @Test
    void aDeletedGroupsWaitingRequestsAreClosedAndDecidedOnesKeepTheirOutcome() {
        TestUser alice = TestUser.named("alice");
        TestUser erin = TestUser.named("erin");
        GroupFixture approvers = given(GroupFixture.microsoft365Group().withMembers(erin.id()));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Doomed").ownedBy(alice.id())
                .joining(JoinPolicy.OWNER_APPROVAL));
        TestUser carol = TestUser.named("carol");
        TestUser frank = TestUser.named("frank");
        TestUser gina = TestUser.named("gina");
        String pending = request(carol, group);
        String rejected = request(gina, group);
        http.post("/mygroups/requests/" + rejected + "/reject", alice.token(), "{\"reason\":\"no\"}");
        assertThat(http.patch("/mygroups/groups/" + group.id(), alice.token(), "{\"joinPolicy\":\"OwnerApproval\","
                + "\"secondStageApproverGroupId\":\"" + approvers.id() + "\"}").status()).isEqualTo(200);
        String secondStage = request(frank, group);
        http.post("/mygroups/requests/" + secondStage + "/approve", alice.token(), "{}");

        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.deleted(group, Instant.now()));

        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(http.get("/mygroups/requests/" + pending, carol.token()).text("status")).isEqualTo("Closed"));
        Response closed = http.get("/mygroups/requests/" + secondStage, frank.token());
        assertThat(closed.text("status")).isEqualTo("Closed");
        assertThat(closed.text("closedReason")).isEqualTo("The group was deleted.");
        assertThat(closed.text("rejectionReason")).isNull();
        assertThat(http.get("/mygroups/requests/" + rejected, gina.token()).text("status")).isEqualTo("Rejected");
        assertThat(http.post("/mygroups/requests/" + pending + "/cancel", carol.token(), "{}").errorMessage())
                .isEqualTo("The request is no longer pending: it is Closed.");
        awaitOutboxDrained();
        List<MembershipRequestClosed> events = kafka.readAll(Topics.SELFSERVICE_EVENTS).stream()
                .map(ConsumerRecord::value).filter(MembershipRequestClosed.class::isInstance)
                .map(MembershipRequestClosed.class::cast).filter(event -> event.groupId().equals(group.id())).toList();
        assertThat(events).extracting(MembershipRequestClosed::requestId).containsExactlyInAnyOrder(pending, secondStage);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.reason()).isEqualTo(MembershipRequestClosed.GROUP_DELETED);
            assertThat(event.groupDisplayName()).isEqualTo("Doomed");
        });
        assertThat(events).extracting(MembershipRequestClosed::previousStatus)
                .containsExactlyInAnyOrder("Pending", "PendingSecondStage");
        assertThat(http.post("/mygroups/requests", carol.token(), "{\"groupId\":\"" + group.id() + "\"}").status())
                .isEqualTo(404);
    }

    private String request(TestUser requester, GroupFixture group) {
        Response made = http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.text("id");
    }
}
