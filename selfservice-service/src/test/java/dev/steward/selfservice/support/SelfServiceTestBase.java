package dev.steward.selfservice.support;

import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.SelfServiceApplication;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the real PostgreSQL (a fresh schema) and an in-JVM Kafka broker (KRaft), listening on
 * 127.0.0.1. Every integration test class on PostgreSQL extends this, so they share one Spring context. Topics have
 * one partition, so a record published after others is consumed after them. The context models a tenant without
 * licensing enforcement (most requesters here are token-only users with no licence); {@code LicensedRequestsIT}
 * sets {@code steward.test.licensing-enforced=true} and gets a context of its own that enforces the P1/P2 rule.
 */
@SpringBootTest(classes = SelfServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "steward.kafka.partitions=1", "steward.outbox.poll-interval=200ms",
                "steward.selfservice.licensing.enforced=${steward.test.licensing-enforced:false}"})
@AuthenticatedKafka(principal = KafkaPrincipal.SELFSERVICE)
@Import(TestServiceTokens.class)
public abstract class SelfServiceTestBase {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_selfservice");

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestKafka testKafka;
    @Autowired
    protected GroupDirectory groups;
    @Autowired
    protected UserDirectory users;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected KafkaListenerEndpointRegistry listeners;

    protected Http http;
    protected KafkaTestClient kafka;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
        TestMailServer.register(registry);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        kafka = testKafka.owners();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** Publishes the group's creation, owners and members, and waits until the read model has them all. */
    protected GroupFixture given(GroupFixture group) {
        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.creation(group));
        await().atMost(TIMEOUT).until(() -> groups.find(group.id())
                .filter(known -> Set.copyOf(known.ownerIds()).equals(Set.copyOf(group.ownerIds()))
                        && Set.copyOf(groups.directMemberIds(group.id())).equals(Set.copyOf(group.memberIds())))
                .isPresent());
        if (group.joinPolicy() != null) {
            groups.setJoinPolicy(group.id(), group.joinPolicy());
        }
        return group;
    }

    /** Publishes the user's sync and waits until the read model has them. */
    protected TestUser given(TestUser user) {
        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.userSynced(user.id(), user.userPrincipalName()));
        await().atMost(TIMEOUT).until(() -> users.find(user.id()).isPresent());
        return user;
    }

    /** Publishes events, then a marker after them, and waits for the marker: the events were consumed by then. */
    protected void publishAndAwaitConsumed(IntegrationEvent... events) {
        kafka.publish(Topics.DIRECTORY_EVENTS, events);
        given(TestUser.named("marker"));
    }

    /** Waits until every queued message went to Kafka. */
    /**
     * The listener with this id, paused: it keeps its partitions (a stop would leave the consumer group, and the
     * rejoin waits for every member of the group, e.g. a results listener in its retry back-off) and polls nothing
     * until resumed, when it reads what was published meanwhile in one poll.
     */
    protected MessageListenerContainer pausedListener(String id) {
        MessageListenerContainer container = listeners.getListenerContainer(id);
        container.pause();
        // a concurrent container is paused when each of its consumers that holds partitions is (one without any never
        // reports being paused)
        List<? extends MessageListenerContainer> consumers = container instanceof ConcurrentMessageListenerContainer<?, ?>
                concurrent ? concurrent.getContainers() : List.of(container);
        try {
            await().atMost(TIMEOUT).until(() -> consumers.stream().allMatch(consumer -> consumer.isContainerPaused()
                    || consumer.getAssignedPartitions() == null || consumer.getAssignedPartitions().isEmpty()));
        } catch (RuntimeException notPaused) {
            container.resume(); // the context is shared with the next test classes
            throw notPaused;
        }
        return container;
    }

    protected void awaitOutboxDrained() {
        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_message WHERE sent_at IS NULL", Integer.class) == 0);
    }

    /** The first directory command of {@code type} this service sent for {@code groupId}. */
    protected ConsumerRecord<String, ContractMessage> awaitCommand(Class<?> type, String groupId) {
        return await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.DIRECTORY_COMMANDS).stream()
                        .filter(record -> type.isInstance(record.value()) && record.key().equals(groupId)).toList(),
                records -> !records.isEmpty()).get(0);
    }

    protected static String header(ConsumerRecord<String, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
