package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.UserSynced;
import dev.steward.directory.DirectoryApplication;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.group.api.DeleteGroupFromOnPremises;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import kafka.server.BrokerServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka publisher when events cannot be sent, on the real PostgreSQL and an in-JVM broker: an event the broker can
 * never take, or one that keeps failing, is parked with its reason and the event behind it (same aggregate, so same
 * segment) goes out; a broker outage is waited out. Its own context (the other ITs share one), so that changing the
 * topic's settings and stopping the broker touch no other test. The bound is {@value #MAX_ATTEMPTS} attempts, and a
 * send the broker does not take fails after 3 s instead of 30 to 120 s, so that an outage's attempts are short.
 */
@SpringBootTest(classes = DirectoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.config=classpath:logback-directory-test.xml",
                "steward.directory.publisher.max-attempts=" + PublishFailuresIT.MAX_ATTEMPTS,
                "spring.kafka.producer.properties.delivery.timeout.ms=3000",
                "spring.kafka.producer.properties.max.block.ms=3000",
                "spring.kafka.producer.properties.request.timeout.ms=2500"})
@AuthenticatedKafka(principal = KafkaPrincipal.DIRECTORY, partitions = 3)
class PublishFailuresIT {

    static final int MAX_ATTEMPTS = 3;
    private static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_directory");
    private static final CommandOrigin SYNC_ENGINE = new CommandOrigin("it-sync",
            Initiator.app(TestTokens.SYNC_APP_ID, "Steward Sync"));
    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PARKED_METRIC = "steward.directory.events.parked";
    private static final ConfigResource EVENTS_TOPIC = new ConfigResource(ConfigResource.Type.TOPIC,
            Topics.DIRECTORY_EVENTS);

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    DirectoryCommands commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaTemplate<String, ContractMessage> producer;

    private TopicReader<ContractMessage> events;
    private Admin admin;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
    }

    @BeforeEach
    void connect() {
        events = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_EVENTS);
        admin = Admin.create(kafka.adminConfig());
    }

    @AfterEach
    void disconnect() {
        events.close();
        admin.close();
    }

    @Test
    void parksAnEventTooLargeForTheTopicWithItsReasonAndPublishesTheEventsBehindIt() {
        double parkedBefore = parkedMetric();
        AdGroup group = AdGroup.security("TooLarge");
        String large = "x".repeat(1000);
        setTopicConfig(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8192");
        try {
            // about 16 KB as a contract event; the deletion behind it, of the same group, is small
            commands.send(group.command(SYNCED_AT, ExtensionAttributes.of(Collections.nCopies(15, large))),
                    SYNC_ENGINE);
            commands.send(new DeleteGroupFromOnPremises(group.id(), group.anchor()), SYNC_ENGINE);

            await().atMost(WAIT).until(() -> events.values(GroupDeleted.class, e -> e.groupId().equals(group.id())),
                    deleted -> !deleted.isEmpty());
        } finally {
            removeTopicConfig(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        }
        assertThat(events.values(GroupCreated.class, e -> e.group().id().equals(group.id()))).isEmpty();
        Map<String, Object> parked = await().atMost(WAIT).until(() -> parkedOf(group.id()), rows -> !rows.isEmpty())
                .get(0);
        assertThat(parked.get("event_type")).isEqualTo(dev.steward.directory.group.api.GroupCreated.class.getName());
        assertThat(parked.get("sequence_no")).isEqualTo(0L);
        assertThat((String) parked.get("reason")).contains("can never be published to steward.directory.events",
                "larger than the max message size");
        await().atMost(WAIT).until(() -> parkedMetric() == parkedBefore + 1);
        assertThat(parkedOf(group.id())).hasSize(1);
    }

    /**
     * A stored event this version cannot read, as a release that changed an event's shape without an upcaster would
     * leave it: no exception the publisher knows as "never", so it is retried and parked after the last attempt.
     */
    @Test
    void parksAnEventThatKeepsFailingAfterTheLastAttemptAndPublishesTheEventsBehindIt() {
        double parkedBefore = parkedMetric();
        String userId = syncUser();
        String template = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, userId);
        String aggregate = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String behind = UUID.randomUUID().toString();
        byte[] listAsNumber = ("{\"userId\":\"" + aggregate + "\",\"userPrincipalName\":\"late@corp.example.test\","
                + "\"assignedLicenses\":42,\"addedSkuIds\":[],\"removedSkuIds\":[]}").getBytes(StandardCharsets.UTF_8);
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) SELECT ?, ?, 0, type, time_stamp, ?,"
                + " NULL, ?, meta_data FROM domain_event_entry WHERE event_identifier = ?", unreadable, aggregate,
                UserLicensesAssigned.class.getName(), listAsNumber, template);
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) SELECT ?, ?, 1, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data FROM domain_event_entry WHERE event_identifier = ?",
                behind, aggregate, template);

        await().atMost(WAIT).until(() -> events.values(UserSynced.class,
                e -> e.metadata().eventId().toString().equals(behind)), published -> !published.isEmpty());
        Map<String, Object> parked = await().atMost(WAIT).until(() -> parkedOf(aggregate), rows -> !rows.isEmpty())
                .get(0);
        assertThat(parked.get("event_id")).isEqualTo(unreadable);
        assertThat((String) parked.get("reason")).startsWith("failed " + MAX_ATTEMPTS + " times")
                .contains("Error while deserializing", "Cannot deserialize value");
        await().atMost(WAIT).until(() -> parkedMetric() == parkedBefore + 1);
        assertThat(parkedOf(aggregate)).hasSize(1);
    }

    @Test
    void waitsOutABrokerOutageWithoutParkingAndPublishesOnceTheBrokerIsBack() {
        double parkedBefore = parkedMetric();
        long rowsBefore = parkedRows();
        double failedSendsBefore = failedSends();
        AdGroup before = AdGroup.security("BeforeOutage");
        AdGroup group = AdGroup.security("Outage");
        commands.send(before.command(SYNCED_AT), SYNC_ENGINE);
        await().atMost(WAIT).until(() -> events.values(GroupCreated.class, e -> e.group().id().equals(before.id())),
                created -> !created.isEmpty());
        BrokerServer broker = kafka.broker().getCluster().brokers().values().iterator().next();
        broker.shutdown();
        try {
            commands.send(group.command(SYNCED_AT), SYNC_ENGINE);

            // every attempt sends the event once more and fails: more attempts than the bound
            boolean[] shownStuck = {false};
            await().atMost(WAIT).until(() -> {
                shownStuck[0] |= eventProcessingHealth().equals("DOWN");
                return failedSends() - failedSendsBefore > MAX_ATTEMPTS;
            });
            assertThat(shownStuck[0]).as("/actuator/health shows the publisher stuck").isTrue();
            assertThat(parkedRows()).isEqualTo(rowsBefore);
        } finally {
            broker.startup();
        }
        await().atMost(WAIT).until(() -> events.values(GroupCreated.class, e -> e.group().id().equals(group.id())),
                created -> !created.isEmpty());
        assertThat(parkedRows()).isEqualTo(rowsBefore);
        assertThat(parkedMetric()).isEqualTo(parkedBefore);
        await().atMost(WAIT).until(() -> eventProcessingHealth().equals("UP"));
    }

    private String syncUser() {
        String anchor = UUID.randomUUID().toString();
        String id = DirectoryIds.fromAnchor(anchor);
        String upn = "late-" + anchor.substring(0, 8) + "@corp.example.test";
        commands.send(new SyncUserFromOnPremises(id, anchor, upn, "Late", upn, "S-1-5-21-1-2-3-4000", "late",
                "CN=late,CN=Users,DC=corp,DC=example,DC=test", SYNCED_AT), SYNC_ENGINE);
        return id;
    }

    private String eventProcessingHealth() {
        return new Api(port).get("/actuator/health", null).json().get("components").get("eventProcessing")
                .get("status").asString();
    }

    private List<Map<String, Object>> parkedOf(String aggregateId) {
        return jdbc.queryForList("SELECT * FROM parked_event WHERE aggregate_id = ?", aggregateId);
    }

    private long parkedRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM parked_event", Long.class);
    }

    private double parkedMetric() {
        return meters.get(PARKED_METRIC).counter().count();
    }

    /** Records the service's producer gave up on (Kafka's {@code record-error-total}). */
    private double failedSends() {
        return producer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("record-error-total")
                        && metric.getKey().group().equals("producer-metrics"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    private void setTopicConfig(String name, String value) {
        alterTopicConfig(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET), value);
    }

    private void removeTopicConfig(String name) {
        alterTopicConfig(new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE), null);
    }

    /** Changes the events topic's setting and waits until the broker reports it (null: back to the default). */
    private void alterTopicConfig(AlterConfigOp change, String expected) {
        String name = change.configEntry().name();
        try {
            admin.incrementalAlterConfigs(Map.of(EVENTS_TOPIC, List.of(change))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not change " + name + " of " + Topics.DIRECTORY_EVENTS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        await().atMost(WAIT).until(() -> {
            ConfigEntry entry = admin.describeConfigs(List.of(EVENTS_TOPIC)).all().get().get(EVENTS_TOPIC).get(name);
            return expected == null ? entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                    : expected.equals(entry.value());
        });
    }
}
