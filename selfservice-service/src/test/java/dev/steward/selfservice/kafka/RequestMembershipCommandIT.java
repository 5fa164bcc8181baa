package dev.steward.selfservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.ApproveMembershipRequest;
import dev.steward.contracts.command.CancelMembershipRequest;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RejectMembershipRequest;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RequestMembershipCommandIT extends SelfServiceTestBase {

    @Test
    void requestOverKafkaProducesResultAndEvent() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Engineering").ownedBy(alice.id()));
        RequestMembership command = command(group, null, "I work on the build");

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, command, carol.token());

        CommandResult result = awaitResult(command);
        assertThat(result.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(result.commandType()).isEqualTo("selfservice.RequestMembership");
        assertThat(result.correlationId()).isEqualTo(command.metadata().correlationId());
        String requestId = result.aggregateId();
        assertThat(requestId).isNotBlank();

        awaitOutboxDrained();
        assertThat(membershipRequested(requestId)).singleElement().satisfies(event -> {
            assertThat(event.metadata().correlationId()).isEqualTo(command.metadata().correlationId());
            assertThat(event.metadata().initiator().userId()).isEqualTo(carol.id());
            assertThat(event.requesterId()).isEqualTo(carol.id());
            assertThat(event.requesterUserPrincipalName()).isEqualTo(carol.userPrincipalName());
            assertThat(event.approverIds()).containsExactly(alice.id());
            assertThat(event.justification()).isEqualTo("I work on the build");
        });
        var inbox = http.get("/mygroups/approvals", alice.token());
        assertThat(inbox.json().get("value").get(0).get("id").asString()).isEqualTo(requestId);
    }

    @Test
    void redeliveredCommandIsExecutedOnce() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        RequestMembership command = command(group, null, "once");
        RequestMembership marker = command(given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id())), null, "marker");

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, command, carol.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, command, carol.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, marker, carol.token());
        awaitResult(marker);
        awaitOutboxDrained();

        assertThat(resultsFor(command)).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(CommandResult.Status.SUCCEEDED));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE group_id = ?", Integer.class,
                group.id())).isEqualTo(1);
        assertThat(kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value)
                .filter(MembershipRequested.class::isInstance).map(MembershipRequested.class::cast)
                .filter(event -> event.groupId().equals(group.id()))).hasSize(1);
    }

    @Test
    void unauthorisedCommandIsRejected() {
        TestUser alice = TestUser.named("alice");
        TestUser reader = TestUser.named("reader");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        RequestMembership withoutScope = command(group, null, null);
        RequestMembership forSomeoneElse = command(group, alice.id(), null);

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, withoutScope, reader.token(List.of(Permissions.GROUP_READ_ALL, "User.Read")));
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, forSomeoneElse, reader.token());

        for (RequestMembership command : List.of(withoutScope, forSomeoneElse)) {
            CommandResult result = awaitResult(command);
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("Authorization_RequestDenied");
            assertThat(result.message()).isEqualTo("Insufficient privileges to complete the operation.");
            assertThat(result.aggregateId()).isNull();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE group_id = ?", Integer.class,
                group.id())).isZero();
    }

    @Test
    void commandWithoutValidTokenIsRejected() {
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id()));
        var claims = DevTokens.Claims.user(UUID.randomUUID().toString(), "eve@corp.example.test", "Eve",
                TestUser.USER_SCOPES, List.of());
        RequestMembership anonymous = command(group, null, null);
        RequestMembership forged = command(group, null, null);
        RequestMembership expired = command(group, null, null);

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, anonymous, null);
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, forged, TestTokens.forged(claims));
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, expired, TestTokens.expired(claims));

        for (RequestMembership command : List.of(anonymous, forged, expired)) {
            CommandResult result = awaitResult(command);
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("InvalidAuthenticationToken");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE group_id = ?", Integer.class,
                group.id())).isZero();
    }

    @Test
    void refusedCommandIsRejectedWithTheReason() {
        GroupFixture distribution = given(GroupFixture.distributionGroup().ownedBy(TestUser.named("alice").id()));
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().ownedBy(TestUser.named("alice").id()));
        RequestMembership toDistribution = command(distribution, null, null);
        RequestMembership toSynced = command(synced, null, null);
        RequestMembership toUnknown = new RequestMembership(metadata(), UUID.randomUUID().toString(), null, null);
        TestUser bob = TestUser.named("bob");

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, toDistribution, bob.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, toSynced, bob.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, toUnknown, bob.token());

        assertThat(awaitResult(toDistribution)).satisfies(result -> {
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("Request_BadRequest");
            assertThat(result.message()).contains("distribution group");
        });
        assertThat(awaitResult(toSynced).message()).contains("mastered on-premises");
        assertThat(awaitResult(toUnknown).errorCode()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void applicationRequestsOnBehalfOfUser() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String appId = UUID.randomUUID().toString();
        RequestMembership onBehalf = command(group, carol.id(), "onboarding");
        RequestMembership nobodyNamed = command(group, null, "onboarding");

        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, onBehalf, TestTokens.app(appId, Permissions.GROUP_MEMBER_READWRITE_ALL));
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, nobodyNamed, TestTokens.app(appId, Permissions.GROUP_MEMBER_READWRITE_ALL));

        CommandResult result = awaitResult(onBehalf);
        assertThat(result.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(awaitResult(nobodyNamed).errorCode()).isEqualTo("Request_BadRequest");
        awaitOutboxDrained();
        assertThat(membershipRequested(result.aggregateId())).singleElement().satisfies(event -> {
            assertThat(event.requesterId()).isEqualTo(carol.id());
            assertThat(event.requesterUserPrincipalName()).isEqualTo(carol.userPrincipalName());
            assertThat(event.metadata().initiator().appId()).isEqualTo(appId);
            assertThat(event.metadata().initiator().userId()).isNull();
        });
    }

    @Test
    void malformedCommandGoesToDeadLetterAndConsumingContinues() {
        String key = "malformed-" + UUID.randomUUID();
        kafka.sendRaw(Topics.SELFSERVICE_COMMANDS, key, "selfservice.RequestMembership", "{\"groupId\":");
        kafka.sendRaw(Topics.SELFSERVICE_COMMANDS, key + "-event", "directory.UserSynced",
                "{\"metadata\":{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-01-01T10:00:00Z\","
                        + "\"aggregateId\":\"u1\",\"schemaVersion\":1},\"userId\":\"u1\",\"created\":true}");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id()));
        RequestMembership valid = command(group, null, null);
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, valid, TestUser.named("bob").token());

        assertThat(awaitResult(valid).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var deadLetters = kafka.readAllRaw(Topics.deadLetter(Topics.SELFSERVICE_COMMANDS));
            assertThat(deadLetters).filteredOn(record -> record.key().equals(key)).singleElement()
                    .satisfies(record -> assertThat(reason(record)).contains("malformed RequestMembership"));
            assertThat(deadLetters).filteredOn(record -> record.key().equals(key + "-event")).singleElement()
                    .satisfies(record -> assertThat(reason(record)).contains("not a self-service command"));
        });
    }

    @Test
    void decisionsOverKafkaRunTheSameRulesAsHttp() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        TestUser mallory = TestUser.named("mallory");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        RequestMembership requested = command(group, null, "please");
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, requested, carol.token());
        String requestId = awaitResult(requested).aggregateId();

        var byStranger = new ApproveMembershipRequest(metadata(), requestId);
        var byApp = new ApproveMembershipRequest(metadata(), requestId);
        var withoutReason = new RejectMembershipRequest(metadata(), requestId, null);
        var cancelByOwner = new CancelMembershipRequest(metadata(), requestId);
        var approve = new ApproveMembershipRequest(metadata(), requestId);
        var approveAgain = new ApproveMembershipRequest(metadata(), requestId);
        var anonymous = new RejectMembershipRequest(metadata(), requestId, "no");
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, anonymous, null);
        assertThat(awaitResult(anonymous).errorCode()).isEqualTo("InvalidAuthenticationToken");
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, byStranger, mallory.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, byApp,
                TestTokens.app(UUID.randomUUID().toString(), Permissions.GROUP_MEMBER_READWRITE_ALL));
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, withoutReason, alice.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, cancelByOwner, alice.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, approve, alice.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, approveAgain, alice.token());

        assertThat(awaitResult(byStranger).errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(awaitResult(byApp).errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(awaitResult(withoutReason).message()).contains("needs a reason");
        assertThat(awaitResult(cancelByOwner).errorCode()).isEqualTo("Authorization_RequestDenied");
        CommandResult approved = awaitResult(approve);
        assertThat(approved.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(approved.aggregateId()).isEqualTo(requestId);
        assertThat(approved.commandType()).isEqualTo("selfservice.ApproveMembershipRequest");
        assertThat(awaitResult(approveAgain).message()).contains("no longer pending");
        assertThat(http.get("/mygroups/requests/" + requestId, carol.token()).text("status")).isEqualTo("Approved");
    }

    @Test
    void anOwnerRejectsWithAReasonAndTheRequesterCancelsOverKafka() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        TestUser dave = TestUser.named("dave");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        RequestMembership first = command(group, null, "please");
        RequestMembership second = command(group, null, "again");
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, first, carol.token());
        String rejectedId = awaitResult(first).aggregateId();
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, second, dave.token());
        String cancelledId = awaitResult(second).aggregateId();

        var reject = new RejectMembershipRequest(metadata(), rejectedId, "Only the platform team");
        var cancel = new CancelMembershipRequest(metadata(), cancelledId);
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, reject, alice.token());
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, cancel, dave.token());

        CommandResult rejected = awaitResult(reject);
        assertThat(rejected.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(rejected.aggregateId()).isEqualTo(rejectedId);
        assertThat(rejected.commandType()).isEqualTo("selfservice.RejectMembershipRequest");
        Response seen = http.get("/mygroups/requests/" + rejectedId, carol.token());
        assertThat(seen.text("status")).isEqualTo("Rejected");
        assertThat(seen.text("rejectionReason")).isEqualTo("Only the platform team");
        CommandResult cancelled = awaitResult(cancel);
        assertThat(cancelled.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(cancelled.commandType()).isEqualTo("selfservice.CancelMembershipRequest");
        assertThat(http.get("/mygroups/requests/" + cancelledId, alice.token()).text("status")).isEqualTo("Cancelled");
    }

    @Test
    void aMalformedDecisionGoesToDeadLetterWithItsReason() {
        String key = "malformed-decision-" + UUID.randomUUID();
        kafka.sendRaw(Topics.SELFSERVICE_COMMANDS, key, "selfservice.RejectMembershipRequest",
                "{\"metadata\":{\"commandId\":\"" + UUID.randomUUID() + "\"},\"requestId\":[1,2]}");

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                kafka.readAllRaw(Topics.deadLetter(Topics.SELFSERVICE_COMMANDS)))
                .filteredOn(record -> record.key().equals(key)).singleElement()
                .satisfies(record -> assertThat(reason(record)).contains("malformed RejectMembershipRequest")));
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8);
    }

    private static CommandMetadata metadata() {
        return new CommandMetadata(UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString());
    }

    private static RequestMembership command(GroupFixture group, String requesterId, String justification) {
        return new RequestMembership(metadata(), group.id(), requesterId, justification);
    }

    private CommandResult awaitResult(ContractCommand command) {
        return await().atMost(TIMEOUT).until(() -> resultsFor(command), results -> !results.isEmpty()).get(0);
    }

    private List<CommandResult> resultsFor(ContractCommand command) {
        return kafka.readAll(Topics.SELFSERVICE_COMMAND_RESULTS).stream().map(ConsumerRecord::value)
                .filter(CommandResult.class::isInstance).map(CommandResult.class::cast)
                .filter(result -> result.commandId().equals(command.metadata().commandId())).toList();
    }

    private List<MembershipRequested> membershipRequested(String requestId) {
        return kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value)
                .filter(MembershipRequested.class::isInstance).map(MembershipRequested.class::cast)
                .filter(event -> event.requestId().equals(requestId)).toList();
    }
}
