package dev.steward.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.platform.app.PlatformTestApplication;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.contracts.event.GroupDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Metrics and the API description on a service that configures nothing about them (its include list is health). */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.application.name=selfservice-service",
                "spring.kafka.consumer.group-id=steward-selfservice",
                "management.endpoints.web.exposure.include=health", "steward.metrics.kafka-refresh-interval=1s"})
@AuthenticatedKafka(principal = KafkaPrincipal.SELFSERVICE)
class OperationsEndpointsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void servesPrometheusMetricsWithoutATokenAlthoughTheServiceExposesOnlyHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void servesTheOpenApiDescriptionOfTheServiceWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode description = JSON.readTree(response.body());
        assertThat(description.get("openapi").asString()).startsWith("3.");
        assertThat(description.get("paths").has("/probe")).isTrue();
        assertThat(description.get("paths").get("/probe").has("get")).isTrue();
    }

    @Test
    void keepsOtherActuatorEndpointsHiddenAndBehindTheToken() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void countsEachDeadLetterByTopicAndReasonClass() throws Exception {
        String counter = "steward_kafka_dead_letters_total{reason=\"MalformedMessageException\",topic=\""
                + Topics.SELFSERVICE_COMMANDS + "\"}";
        double before = sample(get("/actuator/prometheus").body(), counter);
        try (KafkaTestClient sender = kafka.client(KafkaPrincipal.COMMAND_SENDER)) {
            sender.sendRaw(Topics.SELFSERVICE_COMMANDS, "g1", "selfservice.RequestMembership", "{\"groupId\":",
                    TestTokens.groupsAdmin());
            sender.sendRaw(Topics.SELFSERVICE_COMMANDS, "g2", "selfservice.RequestMembership", "[]",
                    TestTokens.groupsAdmin());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus").body();
            assertThat(sample(metrics, counter)).as(() -> metrics.lines()
                    .filter(line -> line.startsWith("steward_kafka_dead")).toList().toString()).isEqualTo(before + 2);
        });
    }

    /** Records keep arriving while it waits: a partition's lag is measured on fetches that return records. */
    @Test
    void exposesConsumerLagPerTopicAndPartitionOfEveryListener() {
        try (KafkaTestClient sender = kafka.client(KafkaPrincipal.COMMAND_SENDER);
             KafkaTestClient directory = kafka.client(KafkaPrincipal.DIRECTORY)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                String groupId = UUID.randomUUID().toString();
                sender.publish(Topics.SELFSERVICE_COMMANDS, new RequestMembership(
                        new CommandMetadata(UUID.randomUUID(), Instant.now(), "corr"), groupId, null, "please"));
                directory.publish(Topics.DIRECTORY_EVENTS, new GroupDeleted(new EventMetadata(UUID.randomUUID(),
                        Instant.now(), groupId, "corr", Initiator.app("app", "Test app"),
                        EventMetadata.CURRENT_SCHEMA_VERSION), groupId, "Sales", null));
                String metrics = get("/actuator/prometheus").body();
                for (String topic : new String[] {Topics.SELFSERVICE_COMMANDS, Topics.DIRECTORY_EVENTS}) {
                    assertThat(metrics.lines()
                            .filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{"))
                            .filter(line -> line.contains("topic=\"" + topic + "\""))
                            .filter(line -> line.matches(".*partition=\"[0-2]\".*")))
                            .as("lag of a partition of %s", topic).isNotEmpty();
                }
            });
        }
    }

    /** The value of the sample named exactly {@code series} (name and labels), 0 when absent. */
    static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
