package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.group.api.SyncMembershipFromOnPremises;
import dev.steward.directory.user.api.DeleteUserFromOnPremises;
import dev.steward.directory.user.command.UserDeletion;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
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
    @Autowired
    UserDeletion userDeletion;

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
        assertThat(processing.eventProcessors()).containsOnlyKeys("read-models", "directory-event-publisher");
        assertThat(processing.eventProcessors().get("read-models")).isInstanceOf(SubscribingEventProcessor.class);
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

    /**
     * A batch holds the rows its projections insert, yet later events of the same batch find and change them (an
     * SOA switch of a group synced in the batch) or remove them (a user deleted in AD), as if run one by one.
     */
    @Test
    void changesAndRemovesReadRowsInsertedEarlierInTheSameBatch() {
        Samples.AdGroup group = Samples.AdGroup.security("HeldRow");
        String anchor = UUID.randomUUID().toString();
        String userId = DirectoryIds.fromAnchor(anchor);
        transactions.executeWithoutResult(status -> writes.batch(() -> {
            commands.send(group.command(Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);
            commands.send(new SwitchSourceOfAuthority(group.id(), true), SYNC_ENGINE);
            commands.send(new CreateUserFromOnPremises(userId, onPremisesUser(userId, anchor, "Deleted soon")),
                    SYNC_ENGINE);
            commands.send(new DeleteUserFromOnPremises(userId, anchor), SYNC_ENGINE);
            return null;
        }));

        assertThat(jdbc.queryForMap("SELECT cloud_managed, on_premises_sync_enabled, aggregate_version "
                + "FROM group_view WHERE id = ?", group.id()))
                .containsEntry("cloud_managed", true).containsEntry("on_premises_sync_enabled", null)
                .containsEntry("aggregate_version", 1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_view WHERE id = ?", Long.class, userId)).isZero();
    }

    /**
     * Member rows a batch adds are held too, yet the same batch takes one of them out again (a later membership
     * chunk) and finds the other when its user is deleted in AD, which takes the user out of the group.
     */
    @Test
    void removesMembersAddedEarlierInTheSameBatch() {
        Samples.AdGroup group = Samples.AdGroup.security("HeldMembers");
        Instant syncedAt = Instant.parse("2026-01-01T10:00:00Z");
        String staying = syncedUser("staying");
        String leaving = syncedUser("leaving");
        String deletedAnchor = UUID.randomUUID().toString();
        String deleted = syncUser(deletedAnchor, "deleted", "Deleted in AD");
        transactions.executeWithoutResult(status -> writes.batch(() -> {
            commands.send(group.command(syncedAt), SYNC_ENGINE);
            commands.send(new SyncMembershipFromOnPremises(group.id(), group.anchor(),
                    List.of(staying, leaving, deleted), List.of(), List.of(), List.of(), syncedAt), SYNC_ENGINE);
            commands.send(new SyncMembershipFromOnPremises(group.id(), group.anchor(), List.of(), List.of(leaving),
                    List.of(), List.of(), syncedAt), SYNC_ENGINE);
            userDeletion.delete(new DeleteUserFromOnPremises(deleted, deletedAnchor), deleted, SYNC_ENGINE);
            return null;
        }));

        assertThat(jdbc.queryForList("SELECT member_id FROM group_member WHERE group_id = ?", String.class,
                group.id())).containsExactly(staying);
    }

    /**
     * Outside a batch an event is inserted with JDBC at once (no JPA mapping of the global index); an event at a
     * sequence number the aggregate already has is refused as Axon's JPA append refuses it (a second creation, a
     * concurrency conflict later on) and stores nothing.
     */
    @Test
    void appendsAtOnceOutsideABatchAndRefusesATakenSequenceNumberAsAxonDoes() {
        String anchor = UUID.randomUUID().toString();
        String userId = DirectoryIds.fromAnchor(anchor);
        commands.send(onPremisesUser(userId, anchor, "Appended once"), SYNC_ENGINE);
        commands.send(onPremisesUser(userId, anchor, "Appended twice"), SYNC_ENGINE);
        assertThat(eventsOf(userId)).hasSize(2);
        List<? extends DomainEventMessage<?>> stored = storageEngine.readEvents(userId).asStream().toList();

        assertThatThrownBy(() -> appendAgain(stored.get(0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> appendAgain(stored.get(1))).isInstanceOf(ConcurrencyException.class);
        assertThat(eventsOf(userId)).hasSize(2);
    }

    private void appendAgain(DomainEventMessage<?> event) {
        transactions.executeWithoutResult(status -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event.getPayload())));
    }

    /** The publisher's read for a token with gaps (bounded below by the first gap) finds exactly what Axon's would. */
    @Test
    void readsTheEventsInATokensGapsAndAfterIt() {
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String anchor = UUID.randomUUID().toString();
            String userId = DirectoryIds.fromAnchor(anchor);
            commands.send(onPremisesUser(userId, anchor, "Gap " + i), SYNC_ENGINE);
            indexes.addAll(eventsOf(userId));
        }
        long first = indexes.get(0);
        long second = indexes.get(1);
        long third = indexes.get(2);

        assertThat(readFrom(GapAwareTrackingToken.newInstance(third, new TreeSet<>(List.of(second))), third))
                .containsExactly(second);
        assertThat(readFrom(GapAwareTrackingToken.newInstance(second, new TreeSet<>(List.of(first))), third))
                .containsExactly(first, third);
    }

    /** The global indexes of the events read from {@code token} on, up to {@code last}. */
    private List<Long> readFrom(GapAwareTrackingToken token, long last) {
        try (var events = storageEngine.readEvents(token, false)) {
            return events.map(event -> jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                            + "WHERE event_identifier = ?", Long.class, event.getIdentifier()))
                    .filter(index -> index <= last).toList();
        }
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
        assertThat(indexes.get(1)).as("numbered one at a time, not from pooled blocks (an insert that was rolled "
                + "back, as a refused duplicate creation is, may still leave a gap)").isEqualTo(indexes.get(0) + 1);
    }
}
