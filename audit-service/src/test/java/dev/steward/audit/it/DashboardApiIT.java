package dev.steward.audit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.TestEvents;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.platform.testing.TestTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboard's page, its summary of activities per hour and its live stream, over real HTTP. */
class DashboardApiIT extends PostgresAndKafkaTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SUMMARY = ApiClient.DIRECTORY_AUDITS + "/summary";
    private static final String STREAM = ApiClient.DIRECTORY_AUDITS + "/stream";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(api.url("/dashboard/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"dashboard.js\" defer></script>").doesNotContain("<script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        for (String file : List.of("/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
            HttpResponse<String> asset = http.send(HttpRequest.newBuilder(URI.create(api.url(file))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Security-Policy")).as(file).hasValue(policy);
        }
    }

    @Test
    void keepsTheApiClosedBesideThePublicPage() {
        assertThat(api.directoryAudits(null, Map.of()).status()).isEqualTo(401);
        assertThat(api.get(api.url(SUMMARY), null, null).status()).isEqualTo(401);
        assertThat(api.get(api.url("/dashboard/../v1.0/auditLogs/directoryAudits"), null, null).status())
                .isIn(400, 401);
    }

    @Test
    void countsEntriesPerActivityPerHour() {
        String prefix = "Summary " + UUID.randomUUID();
        Instant hour = Instant.parse("2025-03-03T10:00:00Z");
        producer.publish(Topics.DIRECTORY_EVENTS,
                created(prefix + " a", hour.plusSeconds(15 * 60)),
                created(prefix + " b", hour.plusSeconds(40 * 60)),
                created(prefix + " c", hour.plusSeconds(65 * 60)));
        String filter = "activityDateTime ge 2025-03-03T00:00:00Z and activityDateTime lt 2025-03-04T00:00:00Z and "
                + "targetResources/any(t: startswith(t/displayName, '" + prefix + "'))";

        List<JsonNode> counts = await().atMost(WITHIN).until(
                () -> api.directoryAudits(TestTokens.groupsAdmin(), Map.of("$filter", filter)).value().size() == 3
                        ? summary(filter).value() : List.<JsonNode>of(), value -> !value.isEmpty());

        assertThat(counts).hasSize(2);
        assertThat(counts.get(0).get("activityDisplayName").asString()).isEqualTo("Add group");
        assertThat(counts.get(0).get("periodStartDateTime").asString()).isEqualTo("2025-03-03T10:00:00Z");
        assertThat(counts.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(counts.get(1).get("periodStartDateTime").asString()).isEqualTo("2025-03-03T11:00:00Z");
        assertThat(counts.get(1).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void refusesSummaryWithoutPermissionOrWithOtherOptions() {
        String reader = TestTokens.app("a0000000-0000-4000-8000-0000000000f1", "Group.Read.All");
        assertThat(api.get(api.url(SUMMARY), reader, null).status()).isEqualTo(403);
        ApiClient.Response top = api.get(api.url(SUMMARY + "?$top=5"), TestTokens.groupsAdmin(), null);
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.errorCode()).isEqualTo("Request_UnsupportedQuery");
        ApiClient.Response bad = api.get(api.url(SUMMARY + "?$filter=nonsense%20eq"), TestTokens.groupsAdmin(), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void refusesTheLiveStreamWithoutATokenPermissionOrAcceptOfEventStream() {
        assertThat(api.get(api.url(STREAM), null, null).status()).isEqualTo(401);
        String reader = TestTokens.app("a0000000-0000-4000-8000-0000000000f1", "Group.Read.All");
        ApiClient.Response denied = api.get(api.url(STREAM), reader, null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
        ApiClient.Response notAsked = api.get(api.url(STREAM), TestTokens.groupsAdmin(), null);
        assertThat(notAsked.status()).as("a client that did not ask for a stream").isEqualTo(406);
        assertThat(notAsked.errorCode()).isEqualTo("NotAcceptable");
    }

    @Test
    void streamsAnEntryOnceItIsCommitted() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url(STREAM)))
                .header("Authorization", "Bearer " + TestTokens.groupsAdmin())
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        GroupCreated created = created("Streamed " + UUID.randomUUID(), Instant.now());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event:ready");
            CompletableFuture<String> entryLine = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    boolean ours = false;
                    while ((line = lines.readLine()) != null) {
                        if (line.equals("id:" + created.messageId())) {
                            ours = true;
                        } else if (ours && line.startsWith("data:")) {
                            return line.substring(5);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            producer.publish(Topics.DIRECTORY_EVENTS, created);
            String data = entryLine.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(data).contains("\"activityDisplayName\":\"Add group\"", created.group().displayName());
        }
    }

    private ApiClient.Response summary(String filter) {
        ApiClient.Response response = api.get(api.url(SUMMARY + "?$filter="
                + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")),
                TestTokens.groupsAdmin(), null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    private static GroupCreated created(String name, Instant at) {
        String id = UUID.randomUUID().toString();
        return TestEvents.groupCreated(TestEvents.metadata(id, UUID.randomUUID().toString(), at, TestEvents.ADMIN),
                TestEvents.syncedSecurityGroup(id, name));
    }
}
