package dev.steward.audit.it;

import static org.awaitility.Awaitility.await;

import dev.steward.audit.AuditApplication;
import dev.steward.audit.rebuild.ProjectionRebuilder;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit service on the real PostgreSQL (a fresh schema) and an in-JVM Kafka broker, on a random port of
 * 127.0.0.1. Every subclass shares this one Spring context; tests keep apart by their own correlation ids. Entries
 * older than ten years are deleted in the background every second (only {@code RetentionIT} writes such entries).
 * A rebuild ({@code RebuildIT}, and the fuzzer's posts) replaces the tables with what the topics hold: entries a test
 * wrote straight into the database are gone afterwards, so each test waits until no rebuild runs.
 */
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "steward.audit.retention=3650d",
                "steward.audit.retention-check-interval=1s", "steward.audit.retention-batch-size=7"})
@AuthenticatedKafka(principal = KafkaPrincipal.AUDIT, partitions = 3)
abstract class PostgresAndKafkaTest {

    static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_audit");

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    ProjectionRebuilder rebuilder;

    ApiClient api;
    KafkaTestClient producer;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
    }

    /** A rebuild started by another test (the fuzzer posts to every endpoint) is over before this one starts. */
    @BeforeEach
    void connect() {
        await().atMost(Duration.ofMinutes(2)).until(() -> !rebuilder.running());
        api = new ApiClient(port);
        producer = kafka.owners();
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }
}
