package dev.steward.audit.it;

import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.TestEvents;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.DirectoryObjectRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit service's metrics and API description, as the platform serves them for every service. */
class OperationsIT extends PostgresAndKafkaTest {

    private static final String ENTRIES = "steward_audit_entries_projected_entries_total";
    private static final String LAG_COUNT = "steward_audit_projection_lag_seconds_count{topic=\""
            + Topics.DIRECTORY_EVENTS + "\"}";
    private static final String LAG_MAX = "steward_audit_projection_lag_seconds_max{topic=\""
            + Topics.DIRECTORY_EVENTS + "\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsEntriesWrittenAndTimesProjectionLagPerTopic() throws Exception {
        String metrics = get("/actuator/prometheus").body();
        double entriesBefore = sample(metrics, ENTRIES);
        double projectedBefore = sample(metrics, LAG_COUNT);
        String correlation = UUID.randomUUID().toString();
        var added = TestEvents.membersAdded(TestEvents.metadata(GROUP_ID, correlation,
                        Instant.now().minusSeconds(2), TestEvents.ADMIN), GROUP_ID, false,
                DirectoryObjectRef.user(UUID.randomUUID().toString()), DirectoryObjectRef.user(UUID.randomUUID().toString()),
                DirectoryObjectRef.user(UUID.randomUUID().toString()));

        producer.publish(Topics.DIRECTORY_EVENTS, added);
        producer.publish(Topics.DIRECTORY_EVENTS, added);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = get("/actuator/prometheus").body();
            assertThat(sample(after, LAG_COUNT)).isGreaterThanOrEqualTo(projectedBefore + 2);
            assertThat(sample(after, ENTRIES)).as("3 members, the redelivery adds nothing")
                    .isGreaterThanOrEqualTo(entriesBefore + 3);
            assertThat(sample(after, LAG_MAX)).as("occurred 2 s before it was published").isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void servesMetricsAndTheApiDescriptionWithoutAToken() throws Exception {
        HttpResponse<String> description = get("/v3/api-docs");

        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("kafka_consumer_fetch_manager_records_lag{"));
        assertThat(description.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(description.body()).get("paths");
        assertThat(paths.has(ApiClient.DIRECTORY_AUDITS)).isTrue();
    }

    /** The value of the sample named exactly {@code series} (name and labels), 0 when absent. */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
