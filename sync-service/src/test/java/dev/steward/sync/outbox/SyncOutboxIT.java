package dev.steward.sync.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.platform.outbox.OutboxRelay;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.export.UserExport;
import dev.steward.sync.provisioning.SkippedChanges;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Every sync event goes through the outbox in the transaction of its state, under a stable id. */
class SyncOutboxIT extends SyncServiceIntegrationTest {

    @Autowired
    SkippedChanges skippedChanges;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxRelay relay;

    @Test
    void cycleCompletedIsWrittenToTheOutboxUnderTheCycleIdAndPublishedOnce() throws Exception {
        JsonNode cycle = runCycle("Delta");
        String cycleId = cycle.get("id").asString();
        String eventId = UUID.nameUUIDFromBytes(("steward:sync:cycle-completed:" + cycleId).getBytes()).toString();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM outbox_message WHERE message_id = ? AND sent_at IS NOT NULL").param(eventId)
                .query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            recorder().catchUp();
            assertThat(recorder().messages(Topics.SYNC_EVENTS)).map(TopicRecorder.Recorded::message)
                    .filteredOn(SyncCycleCompleted.class::isInstance).map(SyncCycleCompleted.class::cast)
                    .filteredOn(e -> e.cycleId().equals(cycleId))
                    .singleElement().satisfies(e -> assertThat(e.messageId()).isEqualTo(eventId));
        });
    }

    @Test
    void retriedSkipOfTheSameObjectInTheSameCycleIsTheSameEvent() {
        String cycleId = UUID.randomUUID().toString();
        String anchor = UUID.randomUUID().toString();
        UserExport export = new UserExport(anchor, UUID.randomUUID().toString(), "x@corp.example.test", "X", null,
                "S-1-5-21-1", "x", "CN=X,DC=corp,DC=example,DC=test", null);
        ConnectorSpaceEntry entry = new ConnectorSpaceEntry(anchor, export.cloudId(), ObjectType.USER,
                export.distinguishedName(), "X", null, null, null, null, true, false, null, null, Instant.now());
        TreeMap<String, Object> exported = new TreeMap<>();
        exported.put("displayName", "X");
        TreeMap<String, Object> withheld = new TreeMap<>();
        withheld.put("displayName", "Y");
        Initiator initiator = Initiator.app("sync", "Sync");

        // The first attempt's transaction fails after the skip was recorded: nothing of it remains...
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            skippedChanges.record(cycleId, initiator, export, entry, exported, withheld);
            throw new IllegalStateException("connector space row could not be written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(outboxRows(SkippedChanges.skipId(cycleId, anchor))).isZero();

        // ...and the retry records the same fact under the same id, so consumers see one event however often it runs.
        String first = transaction.execute(status ->
                skippedChanges.record(cycleId, initiator, export, entry, exported, withheld).id());

        assertThat(first).isEqualTo(SkippedChanges.skipId(cycleId, anchor).toString());
        assertThat(outboxRows(SkippedChanges.skipId(cycleId, anchor))).isEqualTo(1);
        relay.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            recorder().catchUp();
            assertThat(recorder().messages(Topics.SYNC_EVENTS)).map(TopicRecorder.Recorded::message)
                    .filteredOn(SyncChangeSkipped.class::isInstance).map(SyncChangeSkipped.class::cast)
                    .filteredOn(e -> e.onPremisesAnchor().equals(anchor))
                    .singleElement().satisfies(e -> assertThat(e.messageId()).isEqualTo(first));
        });
    }

    @Test
    void anEventIsPublishedOnlyAfterItsTransactionCommits() {
        long before = jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single();
        String cycleId = UUID.randomUUID().toString();
        String anchor = UUID.randomUUID().toString();
        UserExport export = new UserExport(anchor, UUID.randomUUID().toString(), "z@corp.example.test", "Z", null,
                "S-1-5-21-2", "z", "CN=Z,DC=corp,DC=example,DC=test", null);
        ConnectorSpaceEntry entry = new ConnectorSpaceEntry(anchor, export.cloudId(), ObjectType.USER,
                export.distinguishedName(), "Z", null, null, null, null, true, false, null, null, Instant.now());

        transaction.executeWithoutResult(status -> {
            skippedChanges.record(cycleId, Initiator.app("sync", "Sync"), export, entry, new TreeMap<>(),
                    new TreeMap<>());
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provisioning_log WHERE cycle_id = ?").param(cycleId)
                .query(Long.class).single()).isZero();
    }

    private long outboxRows(UUID messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE message_id = ?").param(messageId.toString())
                .query(Long.class).single();
    }
}
