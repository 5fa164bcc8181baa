package dev.steward.selfservice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.selfservice.notification.NotificationMessages.Context;
import dev.steward.selfservice.notification.NotificationMessages.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationMessagesTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Context CONTEXT = new Context("bob@corp.example.test", List.of("alice"), false,
            "https://steward.example.test/ui/mygroups/");

    @Test
    void aNewRequestAsksEveryOwnerAndLinksThePage() {
        var message = NotificationMessages.of(requested(List.of("alice", "dave")), CONTEXT).orElseThrow();

        assertThat(message.targets()).containsExactly(new Target("alice", "Approver"), new Target("dave", "Approver"));
        assertThat(message.subject()).isEqualTo("bob@corp.example.test asks to join Engineering");
        assertThat(message.text()).contains("Justification: build system")
                .endsWith("My Groups: https://steward.example.test/ui/mygroups/");
    }

    @Test
    void anOpenGroupsRequestAsksNobodyAndItsAutomaticApprovalTellsTheRequester() {
        Context open = new Context("bob@corp.example.test", List.of("alice"), true, "");

        assertThat(NotificationMessages.of(requested(List.of("alice")), open)).isEmpty();
        var approved = NotificationMessages.of(new MembershipRequestApproved(metadata(), "r1", "g1", "Engineering",
                "bob", "bob@corp.example.test", null, true), open).orElseThrow();
        assertThat(approved.targets()).containsExactly(new Target("bob", "Requester"));
        assertThat(approved.subject()).isEqualTo("You are joining Engineering");
        assertThat(approved.text()).doesNotContain("My Groups:");
    }

    @Test
    void reRoutingTellsOnlyTheOwnersItAdded() {
        var added = NotificationMessages.of(new MembershipRequestRouted(metadata(), "r1", "g1", "Engineering", "bob",
                List.of("alice", "dave"), List.of("dave"), List.of()), CONTEXT).orElseThrow();
        assertThat(added.targets()).containsExactly(new Target("dave", "Approver"));

        assertThat(NotificationMessages.of(new MembershipRequestRouted(metadata(), "r1", "g1", "Engineering", "bob",
                List.of("alice"), List.of(), List.of("dave")), CONTEXT)).as("an owner removed").isEmpty();
    }

    @Test
    void anExpiryTellsTheRequesterAndEachApproverOnce() {
        var expired = NotificationMessages.of(new MembershipRequestExpired(metadata(), "r1", "g1", "Engineering", "bob",
                "bob@corp.example.test", List.of("alice", "bob", "alice"), AT), CONTEXT).orElseThrow();

        assertThat(expired.targets()).containsExactly(new Target("bob", "Requester"), new Target("alice", "Approver"));
    }

    @Test
    void aFirstStageApprovalAsksTheSecondStagesApprovers() {
        Context secondStage = new Context("bob@corp.example.test", List.of("erin", "frank"), false, "");
        var message = NotificationMessages.of(new MembershipRequestFirstStageApproved(metadata(), "r1", "g1",
                "Engineering", "bob", "bob@corp.example.test", "alice", "approvers"), secondStage).orElseThrow();

        assertThat(message.targets()).extracting(Target::userId).containsExactly("erin", "frank");
        assertThat(message.targets()).extracting(Target::role).containsOnly(NotificationMessages.APPROVER);
        assertThat(message.subject()).contains("second approval");
        assertThat(message.text()).contains("approver group").contains("bob@corp.example.test");
    }

    @Test
    void anAddTheDirectoryRefusedTellsTheRequesterAndTheOwnersWhy() {
        var refused = NotificationMessages.of(new MembershipRequestAddRefused(metadata(), "r1", "g1", "Engineering",
                "bob", "bob@corp.example.test", "c1", "Request_BadRequest", "The group has reached its member limit."),
                CONTEXT).orElseThrow();

        assertThat(refused.targets()).containsExactly(new Target("bob", "Requester"), new Target("alice", "Approver"));
        assertThat(refused.subject()).isEqualTo("bob@corp.example.test could not be added to Engineering");
        assertThat(refused.text()).contains("the directory refused to add the member: The group has reached its "
                + "member limit. (Request_BadRequest)");
    }

    @Test
    void aRequestClosedWithItsDeletedGroupTellsTheRequesterAndTheApprovers() {
        var closed = NotificationMessages.of(new MembershipRequestClosed(metadata(), "r1", "g1", "Engineering", "bob",
                "bob@corp.example.test", "Pending", MembershipRequestClosed.GROUP_DELETED), CONTEXT).orElseThrow();

        assertThat(closed.targets()).extracting(Target::userId).containsExactly("bob", "alice");
        assertThat(closed.text()).contains("the group was deleted");
    }

    @Test
    void aSubjectIsOneLineWhateverTheNamesHold() {
        var message = NotificationMessages.of(new MembershipRequested(metadata(), "r1", "g1", "Engi\r\nBcc: x@y",
                "bob", "bob@corp.example.test", List.of("alice"), null), CONTEXT).orElseThrow();

        assertThat(message.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void eventsThatAreNoRequestsTransitionNotifyNobody() {
        assertThat(NotificationMessages.of(new GroupJoinPolicyChanged(metadata(), "g1", "Engineering", "Open",
                "Closed"), CONTEXT)).isEmpty();
    }

    @Test
    void retriesBackOffByDoublingUpToAnHour() {
        var properties = new NotificationProperties(Duration.ofDays(1), "x@y", "", 5, Duration.ofMinutes(1));

        assertThat(properties.backOffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backOffAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backOffAfter(40)).isEqualTo(Duration.ofHours(1));
    }

    private static MembershipRequested requested(List<String> approvers) {
        return new MembershipRequested(metadata(), "r1", "g1", "Engineering", "bob", "bob@corp.example.test",
                approvers, "build system");
    }

    private static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID(), AT, "r1", "c1", Initiator.app(null, "test"), 1);
    }
}
