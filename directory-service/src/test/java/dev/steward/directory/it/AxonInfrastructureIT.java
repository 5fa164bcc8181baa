package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Axon runs on the JPA event store and token store in PostgreSQL, never in memory. */
class AxonInfrastructureIT extends DirectoryIntegrationTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    BatchedWrites writes;

    @Test
    void storesEventsAndTokensWithJpaInPostgres() {
        assertThat(storageEngine).isInstanceOf(JpaEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JpaTokenStore.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void letsARefusedCommandLeaveItsBatchsTransactionUsable() {
        assertThat(transactionManager).isInstanceOf(AbstractPlatformTransactionManager.class);
        assertThat(((AbstractPlatformTransactionManager) transactionManager).isGlobalRollbackOnParticipationFailure())
                .isFalse();
    }

    @Test
    void keepsReadModelsInTheEventsTransactionAndPublishesFromAPooledStreamingProcessor() {
        assertThat(processing.eventProcessors()).containsOnlyKeys("group-projection", "user-projection",
                "membership-projection", "tenant-settings-projection", "directory-event-publisher");
        for (String readModel : List.of("group-projection", "user-projection", "membership-projection",
                "tenant-settings-projection")) {
            assertThat(processing.eventProcessors().get(readModel)).isInstanceOf(SubscribingEventProcessor.class);
        }
        assertThat(processing.eventProcessors().get("directory-event-publisher"))
                .isInstanceOf(PooledStreamingEventProcessor.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT DISTINCT processor_name FROM token_entry", String.class))
                .containsExactly("directory-event-publisher"));
    }

    /**
     * A Kafka command batch holds its events and read-model rows and writes them together; a command that loads an
     * aggregate whose events are still held reads them first, so the batch behaves like commands run one by one.
     */
    @Test
    void writesABatchsEventsTogetherAndReadsHeldEventsBackWithinTheBatch() {
        String anchor = UUID.randomUUID().toString();
        String userId = DirectoryIds.fromAnchor(anchor);
        transactions.executeWithoutResult(status -> writes.batch(() -> {
            commands.send(new CreateUserFromOnPremises(userId, onPremisesUser(userId, anchor, "First name")),
                    SYNC_ENGINE);
            assertThat(eventsOf(userId)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_view WHERE id = ?", Long.class, userId))
                    .isZero();
            commands.send(onPremisesUser(userId, anchor, "Second name"), SYNC_ENGINE);
            return null;
        }));

        List<Long> indexes = eventsOf(userId);
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(1)).isGreaterThan(indexes.get(0));
        assertThat(jdbc.queryForObject("SELECT display_name FROM user_view WHERE id = ?", String.class, userId))
                .isEqualTo("Second name");
    }

    private List<Long> eventsOf(String aggregateId) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, aggregateId);
    }

    private static SyncUserFromOnPremises onPremisesUser(String id, String anchor, String displayName) {
        String upn = "batch-" + anchor.substring(0, 8) + "@corp.example.test";
        return new SyncUserFromOnPremises(id, anchor, upn, displayName, upn, "S-1-5-21-1-2-3-4001", "batch",
                "CN=batch,CN=Users,DC=corp,DC=example,DC=test", Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void keepsPayloadsInByteaAndGlobalIndexWithoutGaps() {
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_schema = ? "
                + "AND column_name IN ('payload', 'meta_data', 'token') GROUP BY data_type", String.class, DATABASE.schema()))
                .containsExactly("bytea");
        assertThat(jdbc.queryForObject("SELECT increment FROM information_schema.sequences WHERE sequence_schema = ? "
                + "AND sequence_name = 'domain_event_entry_seq'", String.class, DATABASE.schema())).isEqualTo("1");

        Samples.AdGroup group = Samples.AdGroup.security("Gapless");
        commands.send(group.command(Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);
        commands.send(new SwitchSourceOfAuthority(group.id(), true), SYNC_ENGINE);
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, group.id());
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(1)).isGreaterThan(indexes.get(0));
        assertThat(jdbc.queryForObject("SELECT MAX(global_index) - MIN(global_index) + 1 - COUNT(*) "
                + "FROM domain_event_entry", Long.class)).isZero();
    }
}
