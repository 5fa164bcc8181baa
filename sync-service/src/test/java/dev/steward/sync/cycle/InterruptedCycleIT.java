package dev.steward.sync.cycle;

import static dev.steward.sync.testing.TestDirectory.ALICE_GUID;
import static dev.steward.sync.testing.TestDirectory.BOB_GUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.export.Membership;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * A cycle interrupted half way (the broker acknowledges a number of commands and then no more, in the export of values
 * and in the membership phase; or the process dies between a batch's commit and its sends) leaves nothing recorded
 * that did not reach the topic once it is undone, and the next cycle completes the work without sending again what
 * reached the directory: no user or group whose export was acknowledged, no membership chunk the directory applied. The shared test context exports in batches of 5 with 3 commands in flight.
 */
class InterruptedCycleIT extends SyncServiceIntegrationTest {

    @Autowired
    private ExportCommands exportCommands;

    private static final String BROKER_AWAY = "the broker is away (test)";

    @Test
    void aCycleInterruptedWhileExportingValuesIsCompletedByTheNextWithoutResendingCommittedObjects() throws Exception {
        runCycle("Delta"); // settle whatever earlier tests left
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(addUser(String.format("Interrupted-%02d", i)));
        }
        String group = addGroup("Interrupted-Values", userDn("Interrupted-00"), userDn("Interrupted-01"),
                userDn("Interrupted-02"));

        failSendsAfter(6);
        String failedId = startCycle();
        JsonNode failed = awaitCycle(failedId);
        brokerBack();

        assertThat(failed.get("status").asString()).isEqualTo("Failed");
        assertThat(failed.get("error").asString()).contains(BROKER_AWAY);
        List<ContractCommand> firstAttempt = commandsOf(failedId);
        assertThat(firstAttempt).hasSize(6).allMatch(SyncUser.class::isInstance);
        // Only users whose command was acknowledged stay recorded as exported: the others of the batch were undone.
        List<String> committed = users.stream().filter(anchor -> exported(anchor).isPresent()).toList();
        assertThat(committed).hasSizeLessThanOrEqualTo(firstAttempt.size())
                .allMatch(anchor -> keys(firstAttempt).contains(DirectoryIds.fromAnchor(anchor)));
        assertThat(exported(group)).isEmpty();
        // Progress counts the objects of the committed batches only.
        JsonNode stopped = failed.get("progress");
        assertThat(stopped.get("phase").asString()).isEqualTo("export");
        assertThat(stopped.get("objectsProcessed").asInt()).isLessThan(stopped.get("objectsTotal").asInt());

        JsonNode next = runCycleWithoutWaitingForIdle("Delta");
        List<ContractCommand> secondAttempt = commandsOf(next.get("id").asString());

        assertThat(next.get("counts").get("failed").asInt()).isZero();
        JsonNode done = next.get("progress");
        assertThat(done.get("phase").asString()).isEqualTo("done");
        assertThat(done.get("objectsProcessed").asInt()).isEqualTo(done.get("objectsTotal").asInt())
                .isGreaterThanOrEqualTo(users.size() + 1);
        List<String> userIds = users.stream().map(DirectoryIds::fromAnchor).toList();
        List<String> resent = secondAttempt.stream().filter(SyncUser.class::isInstance).map(ContractCommand::key)
                .filter(userIds::contains).toList();
        // Every user not committed is sent once; none of the committed ones again.
        assertThat(resent).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(users.stream()
                .filter(anchor -> !committed.contains(anchor)).map(DirectoryIds::fromAnchor).toList());
        // A user that reached the topic in the failed batch goes again with the very same values: the directory
        // applies a command that changes nothing without events.
        Map<String, SyncUser> firstByKey = firstAttempt.stream().map(SyncUser.class::cast)
                .collect(Collectors.toMap(SyncUser::key, Function.identity()));
        secondAttempt.stream().filter(SyncUser.class::isInstance).map(SyncUser.class::cast)
                .filter(user -> firstByKey.containsKey(user.key())).forEach(user -> {
                    SyncUser before = firstByKey.get(user.key());
                    assertThat(user.userPrincipalName()).isEqualTo(before.userPrincipalName());
                    assertThat(user.displayName()).isEqualTo(before.displayName());
                    assertThat(user.onPremisesSecurityIdentifier()).isEqualTo(before.onPremisesSecurityIdentifier());
                });
        assertThat(secondAttempt).filteredOn(SyncGroup.class::isInstance).map(ContractCommand::key)
                .containsExactly(DirectoryIds.fromAnchor(group));
        assertThat(users).allSatisfy(anchor -> assertThat(exported(anchor)).isPresent());
        assertThat(connectorSpaceRepository.exportedMembership(group)).isEqualTo(new Membership(
                users.subList(1, 3).stream().map(DirectoryIds::fromAnchor).toList(),
                List.of(DirectoryIds.fromAnchor(users.get(0)))));
        awaitIdle();
    }

    @Test
    void aCycleInterruptedWhileSendingMembershipIsCompletedByTheNextWithoutSendingAChunkTwice() throws Exception {
        runCycle("Delta");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            groups.add(addGroup("Interrupted-Members-" + i, null, userDn("Alice"), userDn("Bob")));
        }

        // 4 SyncGroups, then the chunks: the first two reach the topic, the third does not.
        failSendsAfter(4 + 2);
        String failedId = startCycle();
        JsonNode failed = awaitCycle(failedId);
        brokerBack();

        assertThat(failed.get("status").asString()).isEqualTo("Failed");
        List<SyncGroupMembership> firstChunks = commandsOf(failedId).stream()
                .filter(SyncGroupMembership.class::isInstance).map(SyncGroupMembership.class::cast).toList();
        assertThat(firstChunks).hasSize(2);
        assertThat(groups).allSatisfy(anchor -> assertThat(exported(anchor)).isPresent());

        JsonNode next = runCycleWithoutWaitingForIdle("Delta");
        List<ContractCommand> secondAttempt = commandsOf(next.get("id").asString());

        // The next cycle waited for the answers to the two chunks that left: it sends only the other two groups'.
        assertThat(secondAttempt).allMatch(SyncGroupMembership.class::isInstance).hasSize(2);
        List<String> chunkedGroups = new ArrayList<>(keys(firstChunks));
        chunkedGroups.addAll(keys(secondAttempt));
        assertThat(chunkedGroups).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                groups.stream().map(DirectoryIds::fromAnchor).toList());
        Membership adMembership = new Membership(List.of(DirectoryIds.fromAnchor(ALICE_GUID),
                DirectoryIds.fromAnchor(BOB_GUID)), List.of());
        assertThat(groups).allSatisfy(anchor ->
                assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(adMembership));
        assertThat(next.get("counts").get("updated").asInt()).isEqualTo(2);
        awaitIdle();
    }

    @Test
    void anExportRecordedByAProcessThatDiedBeforeSendingItIsUndoneAndSentAgainByTheNextCycle() throws Exception {
        String anchor = addUser("Interrupted-Crash");
        runCycle("Delta");
        String hash = exported(anchor).orElseThrow();
        // What a process leaves that committed a batch and died before sending its commands: the export recorded in
        // the row and its command awaiting an answer that never comes.
        String lostCommand = UUID.randomUUID().toString();
        exportCommands.record(List.of(new ExportCommands.SentCommand(lostCommand, UUID.randomUUID().toString(),
                anchor, hash, null, Outcome.UPDATED, null)));

        JsonNode next = runCycleWithoutWaitingForIdle("Delta");

        // The cycle waited for the answer (export-answer-timeout, 3 s here), undid the export and so read the user
        // again although AD did not change it, and sent it.
        assertThat(commandsOf(next.get("id").asString())).filteredOn(SyncUser.class::isInstance)
                .map(ContractCommand::key).containsExactly(DirectoryIds.fromAnchor(anchor));
        assertThat(exported(anchor)).contains(hash);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM export_command WHERE command_id = ?").param(lostCommand)
                .query(Long.class).single()).isZero();
    }

    /** From now on, every command after the first {@code acknowledged} is not acknowledged by the broker. */
    private void failSendsAfter(int acknowledged) {
        AtomicInteger sends = new AtomicInteger();
        doAnswer(invocation -> sends.incrementAndGet() > acknowledged
                ? CompletableFuture.failedFuture(new TimeoutException(BROKER_AWAY))
                : invocation.callRealMethod()).when(commandSender).transmit(any());
    }

    private void brokerBack() {
        Mockito.reset(commandSender);
    }

    private String startCycle() throws Exception {
        MockHttpServletResponse response = postCycle(ADMIN, "{\"policyType\":\"Delta\"}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        return body(response).get("id").asString();
    }

    /**
     * Runs a cycle right after a failed one, without {@link #awaitIdle()}: the failed cycle's acknowledged chunks may
     * still await their answers, which the cycle itself must wait for.
     */
    private JsonNode runCycleWithoutWaitingForIdle(String policyType) throws Exception {
        MockHttpServletResponse response = postCycle(ADMIN, "{\"policyType\":\"" + policyType + "\"}");
        String id = body(response).get("id").asString();
        JsonNode done = awaitCycle(id, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Succeeded");
        awaitResults(id, Duration.ofSeconds(30));
        return body(getAs(ADMIN, "/sync/cycles/{id}", id));
    }

    private Optional<String> exported(String anchor) {
        return connectorSpaceRepository.findByAnchor(anchor).map(ConnectorSpaceEntry::exportedHash);
    }

    private static List<String> keys(List<? extends ContractCommand> commands) {
        return commands.stream().map(ContractCommand::key).toList();
    }
}
