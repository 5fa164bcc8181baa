package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * A Source of Authority switch never waits for a running cycle: a batch's rows are committed before its commands go
 * to the broker, so no row lock is held while the cycle waits for acknowledgements.
 */
class SourceOfAuthorityDuringCycleIT extends SyncServiceIntegrationTest {

    @Test
    void aSwitchIsAppliedWhileTheCycleWaitsForTheBrokerToAcknowledgeTheGroupsExport() throws Exception {
        awaitIdle();
        String anchor = addGroup("Soa-During-Cycle", null, userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        CountDownLatch sent = new CountDownLatch(1);
        CompletableFuture<Void> brokerAnswers = new CompletableFuture<>();
        doAnswer(invocation -> {
            CompletableFuture<?> acknowledgement = (CompletableFuture<?>) invocation.callRealMethod();
            ProducerRecord<?, ?> record = invocation.getArgument(0);
            if (!(record.value() instanceof SyncGroup group) || !group.groupId().equals(groupId)) {
                return acknowledgement;
            }
            sent.countDown();
            return acknowledgement.thenCombine(brokerAnswers, (metadata, released) -> metadata);
        }).when(commandSender).transmit(any());
        String cycleId;
        try {
            MockHttpServletResponse response = postCycle(ADMIN, "{\"policyType\":\"Delta\"}");
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
            cycleId = body(response).get("id").asString();
            assertThat(sent.await(30, TimeUnit.SECONDS)).as("the group's export was handed to the producer").isTrue();

            publishEvent(sourceOfAuthorityChanged(anchor, "Soa-During-Cycle", true));

            await("switch applied").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> connectorSpaceRepository.findByAnchor(anchor).orElseThrow().blockOnPremisesSync());
            assertThat(body(getAs(ADMIN, "/sync/cycles/{id}", cycleId)).get("status").asString())
                    .as("the cycle still waits for the acknowledgement").isEqualTo("Running");
        } finally {
            brokerAnswers.complete(null);
            Mockito.reset(commandSender);
        }
        JsonNode done = awaitCycle(cycleId);
        assertThat(done.get("status").asString()).isEqualTo("Succeeded");
        awaitIdle();
    }
}
