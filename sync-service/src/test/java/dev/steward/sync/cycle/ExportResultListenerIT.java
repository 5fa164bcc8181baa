package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The batch listener of the directory's answers: answers are applied in order and once, however they fall into
 * polls, and a record that cannot be read is dead-lettered without holding up the answers after it.
 */
class ExportResultListenerIT extends SyncServiceIntegrationTest {

    @Autowired
    private ExportCommands exportCommands;

    @Test
    void answersAreAppliedInOrderOnceAndAnUnreadableRecordIsDeadLetteredWithoutStoppingTheOthers() {
        String anchor = UUID.randomUUID().toString();
        String groupId = DirectoryIds.fromAnchor(anchor);
        connectorSpaceRepository.lockOrCreate(anchor, groupId, ObjectType.GROUP, null, "Answers");
        String cycleId = UUID.randomUUID().toString();
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String add = UUID.randomUUID().toString();
        String remove = UUID.randomUUID().toString();
        exportCommands.record(List.of(
                new ExportCommands.SentCommand(add, cycleId, anchor, null,
                        new MembershipChange(List.of(alice, bob), List.of(), List.of(), List.of()), Outcome.ADDED),
                new ExportCommands.SentCommand(remove, cycleId, anchor, null,
                        new MembershipChange(List.of(), List.of(bob), List.of(), List.of()), Outcome.ADDED)));

        // One partition (the group's key): the first answer, a record that is no contract message, the second answer,
        // and the first answer again, which must not add Bob back.
        owners().publish(Topics.DIRECTORY_COMMAND_RESULTS, succeeded(add, groupId));
        owners().sendRaw(Topics.DIRECTORY_COMMAND_RESULTS, groupId, MessageTypes.nameOf(CommandResult.class),
                "{\"commandId\": \"not-a-uuid\"");
        owners().publish(Topics.DIRECTORY_COMMAND_RESULTS, succeeded(remove, groupId), succeeded(add, groupId));

        ConsumerRecord<String, byte[]> dead = await("dead letter").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> owners().readAllRaw(Topics.deadLetter(Topics.DIRECTORY_COMMAND_RESULTS)).stream()
                        .filter(record -> groupId.equals(record.key())).findFirst().orElse(null), r -> r != null);
        assertThat(TopicRecorder.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).isNotBlank();
        assertThat(TopicRecorder.header(dead, CloudEventHeaders.AUTHORIZATION)).isNull();
        awaitResults(cycleId, Duration.ofSeconds(20));
        // the duplicate of the first answer, after the second, is handled once the second is
        awaitConsumed(owners().send(Topics.DIRECTORY_COMMAND_RESULTS, succeeded(UUID.randomUUID().toString(), groupId)));
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(new Membership(List.of(alice),
                List.of()));
    }

    @Test
    void anObjectWhoseCommandsAreRejectedInOnePollCountsAsFailedOnce() throws Exception {
        awaitIdle();
        JsonNode cycle = runCycle("Delta");
        String cycleId = cycle.get("id").asString();
        int failedBefore = cycle.get("counts").get("failed").asInt();
        int unchangedBefore = cycle.get("counts").get("unchanged").asInt();
        String anchor = UUID.randomUUID().toString();
        String groupId = DirectoryIds.fromAnchor(anchor);
        connectorSpaceRepository.lockOrCreate(anchor, groupId, ObjectType.GROUP, null, "Rejected twice");
        String values = UUID.randomUUID().toString();
        String chunk = UUID.randomUUID().toString();
        exportCommands.record(List.of(
                new ExportCommands.SentCommand(values, cycleId, anchor, "hash", null, Outcome.UNCHANGED),
                new ExportCommands.SentCommand(chunk, cycleId, anchor, null,
                        new MembershipChange(List.of(UUID.randomUUID().toString()), List.of(), List.of(), List.of()),
                        Outcome.UNCHANGED)));

        owners().publish(Topics.DIRECTORY_COMMAND_RESULTS,
                rejected(values, SyncGroup.class, groupId), rejected(chunk, SyncGroupMembership.class, groupId));

        awaitResults(cycleId, Duration.ofSeconds(20));
        JsonNode counts = body(getAs(ADMIN, "/sync/cycles/{id}", cycleId)).get("counts");
        assertThat(counts.get("failed").asInt()).isEqualTo(failedBefore + 1);
        assertThat(counts.get("unchanged").asInt()).isEqualTo(unchangedBefore - 1);
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(Membership.NONE);
    }

    private static CommandResult succeeded(String commandId, String groupId) {
        return CommandResult.succeeded(new CommandResult.ContractCommandRef(UUID.fromString(commandId),
                MessageTypes.nameOf(SyncGroupMembership.class), null, groupId), Instant.now());
    }

    private static CommandResult rejected(String commandId, Class<?> type, String groupId) {
        return CommandResult.rejected(new CommandResult.ContractCommandRef(UUID.fromString(commandId),
                MessageTypes.nameOf(type), null, groupId),
                "Request_BadRequest", "rejected by the test", Instant.now());
    }
}
