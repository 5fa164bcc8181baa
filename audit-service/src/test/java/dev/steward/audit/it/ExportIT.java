package dev.steward.audit.it;

import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v1.0/auditLogs/directoryAudits/export}: a filtered range as JSON Lines or CSV, streamed. */
class ExportIT extends PostgresAndKafkaTest {

    private static final String EXPORT = ApiClient.DIRECTORY_AUDITS + "/export";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    AuditProjector projector;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportsTheFilteredRangeAsJsonLinesOldestFirstWhenAsked() throws Exception {
        String corr = UUID.randomUUID().toString();
        List<IntegrationEvent> events = recordThree(corr);

        HttpResponse<String> response = get(EXPORT + "?format=jsonl&$orderby=activityDateTime%20asc&$filter="
                + encode("correlationId eq '" + corr + "' and activityDateTime ge 2026-04-01T08:00:30Z"),
                TestTokens.groupsAdmin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jsonl");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"directoryAudits.jsonl\"");
        List<JsonNode> lines = response.body().lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("id").asString())
                .containsExactly(events.get(1).messageId(), events.get(2).messageId());
        assertThat(lines.get(0).get("activityDisplayName").asString()).isEqualTo("Change Source of Authority from AD to cloud");
        assertThat(lines.get(0).get("targetResources").get(0).get("id").asString()).isEqualTo(GROUP_ID);
    }

    @Test
    void exportsCsvWithAHeaderQuotedFieldsAndFormulasDefused() throws Exception {
        String corr = UUID.randomUUID().toString();
        String groupId = "g-csv-" + corr;
        IntegrationEvent created = TestEvents.groupCreated(meta(groupId, corr, T0),
                TestEvents.cloudMicrosoft365Group(groupId, "=HYPERLINK(\"http://x\"), \"quoted\""));
        projector.project(created);

        HttpResponse<String> response = get(EXPORT + "?format=csv&$filter=" + encode("correlationId eq '" + corr + "'"),
                TestTokens.groupsAdmin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] rows = response.body().split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).isEqualTo("id,activityDateTime,activityDisplayName,category,result,resultReason,"
                + "loggedByService,operationType,correlationId,initiatedByUserId,initiatedByUserPrincipalName,"
                + "initiatedByAppId,targetIds,targetDisplayNames,targetResources,additionalDetails");
        assertThat(rows[1]).startsWith(created.messageId() + ",2026-04-01T08:00:00Z,Add group,GroupManagement,success,,"
                + "Core Directory,Add," + corr + "," + TestEvents.ADMIN.userId() + ",admin@corp.example.test,"
                + TestEvents.ADMIN.appId() + "," + groupId + ",\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\",");
    }

    @Test
    void authorisesExportsLikeTheReadApi() throws Exception {
        String filter = "?$filter=" + encode("correlationId eq 'nothing'");
        assertThat(get(EXPORT + filter, null).statusCode()).isEqualTo(401);
        String withoutRole = TestTokens.user("u-5", "u5@corp.example.test", List.of(Permissions.AUDIT_LOG_READ_ALL),
                List.of(DirectoryRoles.USER_ADMINISTRATOR));
        HttpResponse<String> denied = get(EXPORT + filter, withoutRole);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Authorization_RequestDenied");
        assertThat(get(EXPORT + filter, TestTokens.app("app-11", Permissions.GROUP_READ_ALL)).statusCode())
                .isEqualTo(403);

        HttpResponse<String> allowed = get(EXPORT + filter, TestTokens.app("app-12", Permissions.AUDIT_LOG_READ_ALL));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEmpty();
    }

    @Test
    void refusesBadFiltersFormatsAndPagingOptionsWithGraphErrors() throws Exception {
        String admin = TestTokens.groupsAdmin();
        assertError(get(EXPORT + "?$filter=" + encode("displayName eq 'x'"), admin), 400);
        assertError(get(EXPORT + "?$filter=" + encode("correlationId eq"), admin), 400);
        assertError(get(EXPORT + "?format=xml", admin), 400);
        assertError(get(EXPORT + "?format=csv&format=jsonl", admin), 400);
        assertError(get(EXPORT + "?$top=5", admin), 400);
        assertError(get(EXPORT + "?$count=true", admin), 400);
    }

    /**
     * 200,000 entries of about 1 KB (some 200 MB of JSON Lines) through HTTP: the server's heap, measured after a
     * collection every 25,000 lines read, grows by far less than the export, so the entries are never held at once.
     */
    @Test
    void streamsTwoHundredThousandEntriesInConstantMemory() throws Exception {
        String corr = "bulk-" + UUID.randomUUID();
        int rows = 200_000;
        String padding = "x".repeat(800);
        jdbc.update("""
                INSERT INTO directory_audit (id, activity_date_time, activity_display_name, category, correlation_id,
                    audit_result, logged_by_service, operation_type, recorded_at, entry_json)
                SELECT ? || '-' || n, TIMESTAMP WITH TIME ZONE '2026-05-01 00:00:00+00' + n * INTERVAL '1 second',
                    'Add group', 'GroupManagement', ?, 'success', 'Core Directory', 'Add', now(),
                    '{"id":"' || ? || '-' || n || '","activityDisplayName":"Add group","padding":"' || ? || '"}'
                FROM generate_series(1, ?) AS n""", corr, corr, corr, padding, rows);
        var memory = ManagementFactory.getMemoryMXBean();
        try {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            long maxGrowth = 0;
            long lines = 0;
            long bytes = 0;
            HttpResponse<InputStream> response = http.send(request(EXPORT + "?$orderby=activityDateTime%20asc&$filter="
                    + encode("correlationId eq '" + corr + "'"), TestTokens.groupsAdmin()),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    bytes += line.length() + 1;
                    if (lines == 1) {
                        assertThat(line).startsWith("{\"id\":\"" + corr + "-1\"");
                    }
                    if (lines % 25_000 == 0) {
                        System.gc();
                        maxGrowth = Math.max(maxGrowth, memory.getHeapMemoryUsage().getUsed() - baseline);
                    }
                }
            }
            assertThat(lines).isEqualTo(rows);
            assertThat(bytes).isGreaterThan(160_000_000L);
            assertThat(maxGrowth).as("heap growth while streaming %d bytes", bytes).isLessThan(48L * 1024 * 1024);
        } finally {
            jdbc.update("DELETE FROM directory_audit WHERE correlation_id = ?", corr);
        }
    }

    private List<IntegrationEvent> recordThree(String corr) {
        List<IntegrationEvent> events = List.of(
                TestEvents.groupCreated(meta(GROUP_ID, corr, T0), TestEvents.syncedSecurityGroup(GROUP_ID, "Engineering")),
                TestEvents.sourceOfAuthority(meta(GROUP_ID, corr, T0.plusSeconds(60), TestEvents.ADMIN), GROUP_ID,
                        "Engineering", true),
                TestEvents.sourceOfAuthority(meta(GROUP_ID, corr, T0.plusSeconds(120), TestEvents.ADMIN), GROUP_ID,
                        "Engineering", false));
        events.forEach(projector::project);
        return events;
    }

    private static EventMetadata meta(String aggregateId, String corr, Instant at) {
        return TestEvents.metadata(aggregateId, corr, at, TestEvents.ADMIN);
    }

    private static EventMetadata meta(String aggregateId, String corr, Instant at, dev.steward.contracts.Initiator who) {
        return TestEvents.metadata(aggregateId, corr, at, who);
    }

    private static void assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
