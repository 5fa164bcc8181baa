package dev.steward.selfservice.directory;

import static dev.steward.selfservice.support.DirectoryEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The read model applies a poll's events together. The listener is stopped while the events are published and
 * started again, so that they arrive in one poll: the outcome must be what applying them one at a time gives.
 */
class ReadModelBatchIT extends SelfServiceTestBase {

    @Test
    void eventsOfOnePollKeepTheirOrderPerGroupAndUserAndDuplicatesAreDropped() {
        GroupFixture group = GroupFixture.cloudSecurityGroup().named("First");
        String owner1 = UUID.randomUUID().toString();
        String owner2 = UUID.randomUUID().toString();
        DirectoryObjectRef member1 = DirectoryObjectRef.user(UUID.randomUUID().toString());
        DirectoryObjectRef member2 = DirectoryObjectRef.user(UUID.randomUUID().toString());
        DirectoryObjectRef member3 = DirectoryObjectRef.user(UUID.randomUUID().toString());
        TestUser user = TestUser.named("batch");
        IntegrationEvent addThird = DirectoryEvents.membersAdded(group, T0, member3);
        var newest = GroupFixture.cloudSecurityGroup();

        inOnePoll(
                DirectoryEvents.created(group.snapshot(), T0),
                DirectoryEvents.ownersAdded(group, T0, owner1),
                DirectoryEvents.ownersRemoved(group, T0, owner1),
                DirectoryEvents.ownersAdded(group, T0, owner2),
                DirectoryEvents.membersAdded(group, T0, member1, member2),
                DirectoryEvents.membersRemoved(group, T0, member1),
                addThird,
                DirectoryEvents.membersRemoved(group, T0, member3),
                addThird,
                DirectoryEvents.updated(group.named("Newest").snapshot(), T0.plusSeconds(20)),
                DirectoryEvents.updated(group.named("Stale").snapshot(), T0.plusSeconds(10)),
                DirectoryEvents.userSynced(user.id(), user.userPrincipalName(), "Old name", T0),
                DirectoryEvents.userSynced(user.id(), user.userPrincipalName(), "New name", T0.plusSeconds(5)),
                DirectoryEvents.userSynced(user.id(), user.userPrincipalName(), "Stale name", T0.plusSeconds(1)),
                DirectoryEvents.created(newest.snapshot(), T0));

        KnownGroup known = groups.find(group.id()).orElseThrow();
        assertThat(known.displayName()).isEqualTo("Newest");
        assertThat(known.ownerIds()).containsExactly(owner2);
        assertThat(groups.directMemberIds(group.id())).containsExactly(member2.id());
        assertThat(users.find(user.id()).orElseThrow().displayName()).isEqualTo("New name");
        assertThat(groups.find(newest.id())).isPresent();
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredWithItsReasonAndTheRestOfThePollIsApplied() {
        GroupFixture before = GroupFixture.cloudSecurityGroup();
        GroupFixture tooLong = GroupFixture.cloudSecurityGroup().named("x".repeat(300));
        GroupFixture after = GroupFixture.cloudSecurityGroup();

        inOnePoll(DirectoryEvents.created(before), DirectoryEvents.created(tooLong), DirectoryEvents.created(after));

        assertThat(groups.find(before.id())).isPresent();
        assertThat(groups.find(after.id())).isPresent();
        assertThat(groups.find(tooLong.id())).isEmpty();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS)))
                .filteredOn(record -> record.key().equals(tooLong.id())).singleElement()
                .satisfies(record -> assertThat(new String(record.headers()
                        .lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                        .contains("too long")));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheEventsAroundItAreApplied() {
        GroupFixture before = GroupFixture.cloudSecurityGroup();
        GroupFixture after = GroupFixture.cloudSecurityGroup();
        String key = "unreadable-" + UUID.randomUUID();
        MessageListenerContainer container = pausedListener("selfservice-directory-events");
        try {
            kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.created(before));
            kafka.sendRaw(Topics.DIRECTORY_EVENTS, key, "directory.GroupCreated", "{\"metadata\":");
            kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.created(after));
        } finally {
            container.resume();
        }
        await().atMost(TIMEOUT).until(() -> groups.find(after.id()).isPresent());

        assertThat(groups.find(before.id())).isPresent();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS)))
                .filteredOn(record -> record.key().equals(key)).singleElement()
                .satisfies(record -> assertThat(new String(record.headers()
                        .lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                        .contains("malformed GroupCreated")));
    }

    /** Publishes the events while the listener is paused, resumes it, and waits until a marker after them is applied. */
    private void inOnePoll(IntegrationEvent... events) {
        MessageListenerContainer container = pausedListener("selfservice-directory-events");
        TestUser marker = TestUser.named("marker");
        try {
            kafka.publish(Topics.DIRECTORY_EVENTS, events);
            kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.userSynced(marker.id(), marker.userPrincipalName()));
        } finally {
            container.resume();
        }
        await().atMost(TIMEOUT).until(() -> users.find(marker.id()).isPresent());
    }
}
