package dev.steward.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.UserDirectory;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http;
import dev.steward.selfservice.support.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service as {@code ./steward up} runs it: on an H2 file database in PostgreSQL mode. */
@SpringBootTest(classes = SelfServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "steward.kafka.partitions=1", "steward.outbox.poll-interval=200ms",
                "steward.selfservice.licensing.enforced=false"})
@AuthenticatedKafka(principal = KafkaPrincipal.SELFSERVICE)
class H2QuickstartSmokeIT {

    private static final String DATABASE = "./target/h2-smoke/" + UUID.randomUUID() + "/selfservice-service";

    @LocalServerPort
    int port;
    @Autowired
    TestKafka testKafka;
    @Autowired
    GroupDirectory groups;
    @Autowired
    UserDirectory users;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void servesMembershipRequestsOnH2() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/health", null).text("status")).isEqualTo("UP");
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture group = GroupFixture.cloudSecurityGroup().named("Engineering").ownedBy(alice.id());

        try (KafkaTestClient kafka = testKafka.owners()) {
            kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.creation(group));
            kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.ownersAdded(group, DirectoryEvents.T0, alice.id()),
                    DirectoryEvents.userSynced(bob.id(), bob.userPrincipalName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> users.find(bob.id()).isPresent());
            assertThat(groups.find(group.id()).orElseThrow().ownerIds()).as("an owner added twice is one row")
                    .containsExactly(alice.id());

            assertThat(http.patch("/mygroups/groups/" + group.id(), alice.token(), "{\"joinPolicy\":\"OwnerApproval\"}")
                    .status()).as("a security group is closed until an owner opens it").isEqualTo(200);
            var created = http.post("/mygroups/requests", bob.token(), "{\"groupId\":\"" + group.id() + "\"}");
            assertThat(created.status()).isEqualTo(201);
            String requestId = created.text("id");
            var inbox = http.get("/mygroups/approvals", alice.token());
            assertThat(inbox.json().get("value").get(0).get("id").asString()).isEqualTo(requestId);
            assertThat(http.post("/mygroups/requests", bob.token(), "{\"groupId\":\"" + group.id() + "\"}").status())
                    .isEqualTo(400);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    kafka.readAll(Topics.SELFSERVICE_EVENTS).stream().map(ConsumerRecord::value)
                            .filter(MembershipRequested.class::isInstance).map(MembershipRequested.class::cast)
                            .filter(event -> event.requestId().equals(requestId))).hasSize(1));
        }
    }
}
