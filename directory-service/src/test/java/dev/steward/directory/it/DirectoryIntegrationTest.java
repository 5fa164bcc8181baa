package dev.steward.directory.it;

import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Initiator;
import dev.steward.directory.DirectoryApplication;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory service on the real PostgreSQL (a fresh schema) and an in-JVM Kafka broker, on a random port of
 * 127.0.0.1. Every subclass shares this one Spring context; tests keep apart by their own group ids.
 */
@SpringBootTest(classes = DirectoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.config=classpath:logback-directory-test.xml"})
@AuthenticatedKafka(principal = KafkaPrincipal.DIRECTORY, partitions = 3)
abstract class DirectoryIntegrationTest {

    static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_directory");
    /** The sync engine, as the origin of commands tests send straight to the command bus. */
    static final CommandOrigin SYNC_ENGINE = new CommandOrigin("it-sync",
            Initiator.app(TestTokens.SYNC_APP_ID, "Steward Sync"));

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    DirectoryCommands commands;

    Api api;
    /** Sends commands as an external command sender (the service itself may not write its command topic). */
    KafkaTestClient sender;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        sender = kafka.client(KafkaPrincipal.COMMAND_SENDER);
    }

    @AfterEach
    void disconnect() {
        sender.close();
    }

    /** A user synced from AD with a fresh anchor, {@code <prefix>-<8 hex>@corp.example.test}; its cloud id. */
    protected String syncedUser(String prefix) {
        return syncUser(UUID.randomUUID().toString(), prefix, prefix);
    }

    /** Syncs (creates or updates) the user of {@code anchor}; its cloud id. */
    protected String syncUser(String anchor, String prefix, String displayName) {
        String upn = prefix + "-" + anchor.substring(0, 8) + "@corp.example.test";
        String id = DirectoryIds.fromAnchor(anchor);
        commands.send(new SyncUserFromOnPremises(id, anchor, upn, displayName, upn, "S-1-5-21-1-2-3-4000", prefix,
                "CN=" + prefix + ",CN=Users,DC=corp,DC=example,DC=test", Instant.parse("2026-01-01T10:00:00Z")),
                SYNC_ENGINE);
        return id;
    }
}
