package dev.steward.selfservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.NotificationIssued;
import dev.steward.selfservice.membership.command.RequestExpiry;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestMailServer;
import dev.steward.selfservice.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications against the real broker and a real SMTP server (GreenMail): every routing, reminder and decision is a
 * {@code NotificationIssued} on {@code steward.selfservice.notifications} and a mail to each recipient's
 * userPrincipalName.
 */
class NotificationsIT extends SelfServiceTestBase {

    @Autowired
    RequestExpiry expiry;

    @Test
    void routingToEveryOwnerReRoutingAndARejectionWithItsReasonAreNotifiedAndMailed() throws Exception {
        TestUser alice = given(TestUser.named("alice"));
        TestUser dave = given(TestUser.named("dave"));
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Build team").ownedBy(alice.id()));

        String requestId = request(carol, group, "I maintain the build servers");

        NotificationIssued routed = awaitNotification(requestId, "selfservice.MembershipRequested");
        assertThat(routed.recipients()).containsExactly(
                new NotificationIssued.Recipient(alice.id(), alice.userPrincipalName(), "Approver"));
        assertThat(routed.requesterUserPrincipalName()).isEqualTo(carol.userPrincipalName());
        assertThat(routed.metadata().initiator().userId()).isEqualTo(carol.id());
        MimeMessage toAlice = awaitMail(alice, carol.userPrincipalName() + " asks to join Build team");
        assertThat(body(toAlice)).contains("Justification: I maintain the build servers").contains("My Groups");
        assertThat(toAlice.getFrom()[0].toString()).isEqualTo("My Groups <no-reply@steward.invalid>");

        publishAndAwaitConsumed(DirectoryEvents.ownersAdded(group, DirectoryEvents.T0.plusSeconds(60), dave.id()));
        NotificationIssued reRouted = awaitNotification(requestId, "selfservice.MembershipRequestRouted");
        assertThat(reRouted.recipients()).extracting(NotificationIssued.Recipient::userId).containsExactly(dave.id());
        awaitMail(dave, carol.userPrincipalName() + " asks to join Build team");

        Response rejected = http.post("/mygroups/requests/" + requestId + "/reject", dave.token(),
                "{\"reason\":\"The build team is full this quarter\"}");
        assertThat(rejected.status()).isEqualTo(200);
        NotificationIssued decision = awaitNotification(requestId, "selfservice.MembershipRequestRejected");
        assertThat(decision.recipients()).containsExactly(
                new NotificationIssued.Recipient(carol.id(), carol.userPrincipalName(), "Requester"));
        assertThat(body(awaitMail(carol, "Your request to join Build team was rejected")))
                .contains("Reason: The build team is full this quarter");
        assertThat(TestMailServer.mailsTo(alice.userPrincipalName())).as("alice got the routing only").hasSize(1);
    }

    @Test
    void approvalCompletionReminderExpiryAndCancellationAreNotifiedAndMailed() throws Exception {
        TestUser alice = given(TestUser.named("alice"));
        TestUser carol = given(TestUser.named("carol"));
        TestUser erin = given(TestUser.named("erin"));
        TestUser frank = given(TestUser.named("frank"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Release").ownedBy(alice.id()));

        String approvedId = request(carol, group, null);
        http.post("/mygroups/requests/" + approvedId + "/approve", alice.token(), "{}");
        awaitMail(carol, "Your request to join Release was approved");
        AddMembers add = (AddMembers) await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.DIRECTORY_COMMANDS)
                .stream().map(ConsumerRecord::value).filter(AddMembers.class::isInstance)
                .filter(command -> ((AddMembers) command).memberIds().contains(carol.id())).toList(),
                commands -> !commands.isEmpty()).get(0);
        kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(new CommandResult.ContractCommandRef(
                add.metadata().commandId(), "directory.AddMembers", null, group.id()), Instant.now()));
        awaitMail(carol, "You are now a member of Release");
        awaitNotification(approvedId, "selfservice.MembershipRequestCompleted");

        String expiringId = request(erin, group, null);
        Instant expires = Instant.parse(http.get("/mygroups/requests/" + expiringId, erin.token())
                .text("expirationDateTime"));
        expiry.run(expires.minus(Duration.ofDays(2)));
        assertThat(body(awaitMail(alice, "Reminder: " + erin.userPrincipalName() + " asks to join Release")))
                .contains("expires at " + expires);
        expiry.run(expires);
        String expired = "The request of " + erin.userPrincipalName() + " to join Release expired";
        awaitMail(erin, expired);
        awaitMail(alice, expired);

        String cancelledId = request(frank, group, null);
        http.post("/mygroups/requests/" + cancelledId + "/cancel", frank.token(), "{}");
        awaitMail(alice, frank.userPrincipalName() + " cancelled the request to join Release");
        assertThat(awaitNotification(cancelledId, "selfservice.MembershipRequestCancelled").recipients())
                .extracting(NotificationIssued.Recipient::userId).containsExactly(alice.id());
    }

    @Test
    void anOpenGroupsJoinTellsTheRequesterAndAsksNoOwner() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser gina = given(TestUser.named("gina"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Lunch club").ownedBy(alice.id())
                .joining(dev.steward.selfservice.directory.JoinPolicy.OPEN));

        String requestId = request(gina, group, null);

        awaitMail(gina, "You are joining Lunch club");
        awaitOutboxDrained();
        assertThat(notifications(requestId)).extracting(NotificationIssued::sourceEventType)
                .containsExactly("selfservice.MembershipRequestApproved");
        assertThat(TestMailServer.mailsTo(alice.userPrincipalName())).isEmpty();
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailButNeverTheRequest() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser hugo = given(TestUser.named("hugo"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Outage").ownedBy(alice.id()));
        TestMailServer.stop();
        String requestId;
        try {
            requestId = request(hugo, group, null);
            awaitNotification(requestId, "selfservice.MembershipRequested");
            await().atMost(TIMEOUT).until(() -> mailRow(alice), row -> row != null
                    && ((Number) row.get("attempts")).intValue() >= 1 && row.get("last_error") != null);
            assertThat(mailRow(alice).get("status")).isEqualTo("Queued");
            assertThat(http.get("/mygroups/requests/" + requestId, hugo.token()).text("status")).isEqualTo("Pending");
        } finally {
            TestMailServer.start();
        }

        awaitMail(alice, hugo.userPrincipalName() + " asks to join Outage");
        await().atMost(TIMEOUT).until(() -> "Sent".equals(mailRow(alice).get("status")));
    }

    private String request(TestUser requester, GroupFixture group, String justification) {
        Response made = http.post("/mygroups/requests", requester.token(), justification == null
                ? "{\"groupId\":\"" + group.id() + "\"}"
                : "{\"groupId\":\"" + group.id() + "\",\"justification\":\"" + justification + "\"}");
        assertThat(made.status()).isEqualTo(201);
        return made.text("id");
    }

    private List<NotificationIssued> notifications(String requestId) {
        return kafka.readAll(Topics.SELFSERVICE_NOTIFICATIONS).stream().map(ConsumerRecord::value)
                .filter(NotificationIssued.class::isInstance).map(NotificationIssued.class::cast)
                .filter(notification -> notification.requestId().equals(requestId)).toList();
    }

    private NotificationIssued awaitNotification(String requestId, String sourceEventType) {
        return await().atMost(TIMEOUT).until(() -> notifications(requestId).stream()
                .filter(notification -> notification.sourceEventType().equals(sourceEventType)).toList(),
                found -> found.size() == 1).get(0);
    }

    private MimeMessage awaitMail(TestUser recipient, String subject) {
        return await().atMost(TIMEOUT).until(() -> TestMailServer.mailsTo(recipient.userPrincipalName()).stream()
                .filter(mail -> subject.equals(subjectOf(mail))).toList(), found -> found.size() == 1).get(0);
    }

    private Map<String, Object> mailRow(TestUser recipient) {
        return jdbc.queryForList("SELECT status, attempts, last_error FROM notification_mail WHERE address = ?",
                recipient.userPrincipalName()).stream().findFirst().orElse(null);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }
}
