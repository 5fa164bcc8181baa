package dev.steward.sync.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

class DirectoryEventsDeadLetterIT extends SyncServiceIntegrationTest {

    @Test
    void malformedDirectoryEventGoesToTheDeadLetterTopicAndTheListenerKeepsGoing() throws Exception {
        String key = UUID.randomUUID().toString();
        send(key, "directory.SourceOfAuthorityChanged", "{\"metadata\": {\"eventId\": \"not-a-uuid\"".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(TopicRecorder.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).isNotBlank();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).startsWith("{\"metadata\"");

        // The next event is handled as usual.
        String anchor = addGroup("Dlt-After", null);
        String groupId = DirectoryIds.fromAnchor(anchor);
        publishEvent(sourceOfAuthorityChanged(anchor, "Dlt-After", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var entry = connectorSpace(groupId);
            return entry != null && entry.get("blockOnPremisesSync").asBoolean();
        });
    }

    @Test
    void eventWhoseGroupIdIsNotDerivedFromItsAnchorIsDeadLettered() throws Exception {
        String anchor = UUID.randomUUID().toString();
        String wrongGroupId = UUID.randomUUID().toString();
        SourceOfAuthorityChanged event = new SourceOfAuthorityChanged(new EventMetadata(UUID.randomUUID(),
                Instant.now(), wrongGroupId, null, null, EventMetadata.CURRENT_SCHEMA_VERSION), wrongGroupId,
                "Mismatched", anchor, true, null, null);

        send(wrongGroupId, "directory.SourceOfAuthorityChanged", ContractJson.write(event));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(wrongGroupId);
        assertThat(TopicRecorder.header(dead, CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("is not the id derived from onPremisesAnchor");
        assertThat(getAs(ADMIN, "/sync/connectorSpace/{id}", DirectoryIds.fromAnchor(anchor)).getStatus()).isEqualTo(404);
    }

    @Test
    void directoryEventsTheSyncEngineDoesNotNeedAreIgnoredNotDeadLettered() throws Exception {
        String groupId = UUID.randomUUID().toString();
        String anchor = UUID.randomUUID().toString();
        String syncedId = DirectoryIds.fromAnchor(anchor);
        List<IntegrationEvent> events = List.of(
                new GroupCreated(metadata(groupId), new GroupSnapshot(groupId, "Cloud group", null, "cloud", null,
                        false, true, List.of(), Instant.now(), null, false, null, null, null, null, null, null, null,
                        OnPremisesExtensionAttributes.NONE)),
                new MembersAdded(metadata(groupId), groupId, List.of(DirectoryObjectRef.user(UUID.randomUUID().toString())), false),
                new MembersRemoved(metadata(groupId), groupId, List.of(DirectoryObjectRef.group(UUID.randomUUID().toString())), false),
                new OwnersAdded(metadata(syncedId), syncedId, List.of(UUID.randomUUID().toString()), true),
                new OwnersRemoved(metadata(syncedId), syncedId, List.of(UUID.randomUUID().toString()), true),
                new GroupDeleted(metadata(syncedId), syncedId, "Synced group", anchor));

        RecordMetadata last = null;
        for (IntegrationEvent event : events) {
            last = publishEvent(event);
        }
        awaitConsumed(last);

        recorder().catchUp();
        assertThat(recorder().records(Topics.deadLetter(Topics.DIRECTORY_EVENTS)))
                .noneMatch(r -> List.of(groupId, syncedId).contains(r.key()));
        assertThat(getAs(ADMIN, "/sync/connectorSpace/{id}", syncedId).getStatus()).isEqualTo(404);
    }

    @Test
    void sourceOfAuthorityChangeThatTheDirectoryDidNotPublishIsDeadLetteredAndFreezesNothing() throws Exception {
        String anchor = UUID.randomUUID().toString();
        SourceOfAuthorityChanged forged = sourceOfAuthorityChanged(anchor, "Forged", true);
        try (KafkaTestClient misattributed = testKafka.client(KafkaPrincipal.DIRECTORY, KafkaPrincipal.SYNC.source())) {
            misattributed.publish(Topics.DIRECTORY_EVENTS, forged);
        }

        assertThat(TopicRecorder.header(awaitDeadLetter(forged.key()), CloudEventHeaders.DEAD_LETTER_REASON))
                .isEqualTo("record on steward.directory.events has ce_source '/steward/sync-service'; only "
                        + "/steward/directory-service publishes there");
        assertThat(getAs(ADMIN, "/sync/connectorSpace/{id}", DirectoryIds.fromAnchor(anchor)).getStatus()).isEqualTo(404);
    }

    @Test
    void recordWithoutAMessageTypeIsDeadLettered() throws Exception {
        String key = UUID.randomUUID().toString();
        send(key, null, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(TopicRecorder.header(awaitDeadLetter(key), CloudEventHeaders.DEAD_LETTER_REASON))
                .contains(CloudEventHeaders.TYPE);
    }

    private static EventMetadata metadata(String aggregateId) {
        return new EventMetadata(UUID.randomUUID(), Instant.now(), aggregateId, null, null,
                EventMetadata.CURRENT_SCHEMA_VERSION);
    }

    /** A raw record on the directory's event topic, sent as the directory (with its {@code ce_source}). */
    private void send(String key, String type, byte[] value) {
        owners().sendRaw(Topics.DIRECTORY_EVENTS, key, type, new String(value, StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await("dead letter " + key).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> recorder().records(Topics.deadLetter(Topics.DIRECTORY_EVENTS)).stream()
                        .filter(r -> key.equals(r.key())).findFirst().orElse(null), r -> r != null);
    }
}
