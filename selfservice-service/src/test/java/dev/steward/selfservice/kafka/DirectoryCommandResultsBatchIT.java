package dev.steward.selfservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The directory's command results are applied a poll at a time. The listener is paused while the results are
 * published and resumed, so that they arrive in one poll: the outcome must be what applying them one at a time
 * gives.
 */
class DirectoryCommandResultsBatchIT extends SelfServiceTestBase {

    @Test
    void resultsOfOnePollCompleteOrRefuseEachRequestOnceAndSkipRepeatsAndOtherServicesResults() {
        TestUser owner = TestUser.named("owner");
        List<String> requestIds = new ArrayList<>();
        List<AddMembers> adds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GroupFixture group = given(GroupFixture.cloudSecurityGroup().named("Batch " + i).ownedBy(owner.id()));
            String requestId = http.post("/mygroups/requests", TestUser.named("req" + i).token(),
                    "{\"groupId\":\"" + group.id() + "\"}").text("id");
            assertThat(http.post("/mygroups/requests/" + requestId + "/approve", owner.token(), "{}").status())
                    .isEqualTo(200);
            requestIds.add(requestId);
            adds.add(awaitAdd(group.id()));
        }
        String unreadableKey = "unreadable-" + UUID.randomUUID();

        MessageListenerContainer container = pausedListener(DirectoryCommandResultsListener.ID);
        try {
            kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS,
                    CommandResult.succeeded(ref(adds.get(0)), Instant.now()),
                    CommandResult.rejected(ref(adds.get(1)), "Request_BadRequest", "already a member", Instant.now()),
                    CommandResult.rejected(ref(adds.get(0)), "Request_BadRequest", "a repeat", Instant.now()),
                    CommandResult.succeeded(new CommandResult.ContractCommandRef(UUID.randomUUID(),
                            "directory.SyncGroup", null, UUID.randomUUID().toString()), Instant.now()));
            kafka.sendRaw(Topics.DIRECTORY_COMMAND_RESULTS, unreadableKey, "steward.CommandResult", "{\"commandId\":");
            kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(ref(adds.get(2)), Instant.now()));
        } finally {
            container.resume();
        }

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(requestIds).map(this::status)
                .containsExactly("Completed", "AddRefused", "Completed"));
        assertThat(jdbc.queryForObject("SELECT add_error_message FROM membership_request WHERE id = ?", String.class,
                requestIds.get(1))).isEqualTo("already a member");
        awaitOutboxDrained();
        List<ContractMessage> events = kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value)
                .filter(event -> requestIds.contains(event.key())).toList();
        assertThat(events).filteredOn(MembershipRequestCompleted.class::isInstance).map(ContractMessage::key)
                .containsExactlyInAnyOrder(requestIds.get(0), requestIds.get(2));
        assertThat(events).filteredOn(MembershipRequestAddRefused.class::isInstance).map(ContractMessage::key)
                .containsExactly(requestIds.get(1));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_COMMAND_RESULTS)))
                .filteredOn(record -> record.key().equals(unreadableKey)).singleElement()
                .satisfies(record -> assertThat(new String(record.headers()
                        .lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                        .isNotBlank()));
    }

    private String status(String requestId) {
        return jdbc.queryForObject("SELECT status FROM membership_request WHERE id = ?", String.class, requestId);
    }

    private AddMembers awaitAdd(String groupId) {
        return (AddMembers) await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.DIRECTORY_COMMANDS).stream()
                        .filter(record -> record.value() instanceof AddMembers && record.key().equals(groupId)).toList(),
                records -> !records.isEmpty()).get(0).value();
    }

    private static CommandResult.ContractCommandRef ref(AddMembers add) {
        return new CommandResult.ContractCommandRef(add.metadata().commandId(), "directory.AddMembers",
                add.metadata().correlationId(), add.groupId());
    }
}
