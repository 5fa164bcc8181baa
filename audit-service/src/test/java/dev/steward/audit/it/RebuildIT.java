package dev.steward.audit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.TestEvents;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1.0/auditLogs/rebuild}: replays the topics into fresh tables and switches over, same entries. */
class RebuildIT extends PostgresAndKafkaTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Duration REBUILT_WITHIN = Duration.ofSeconds(120);
    private static final String REBUILD = "/v1.0/auditLogs/rebuild";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TABLES = List.of("directory_audit", "directory_audit_target", "audit_group");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    static String globalAdmin() {
        return TestTokens.user(UUID.randomUUID().toString(), "global@corp.example.test",
                List.of(Permissions.AUDIT_LOG_READ_ALL), List.of(DirectoryRoles.GLOBAL_ADMINISTRATOR));
    }

    @Test
    void rebuildsIntoFreshTablesWithTheSameEntriesAndGoesOnLive() throws Exception {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        String name = "Rebuild " + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        producer.publish(Topics.DIRECTORY_EVENTS,
                TestEvents.groupCreated(meta(groupId, correlation, t0), TestEvents.syncedSecurityGroup(groupId, name)),
                new GroupUpdated(meta(groupId, correlation, t0.plusSeconds(1)),
                        TestEvents.syncedSecurityGroup(groupId, name + " renamed"), List.of(new ModifiedProperty(
                                "displayName", "\"" + name + "\"", "\"" + name + " renamed\"")), true),
                TestEvents.membersAdded(meta(groupId, correlation, t0.plusSeconds(2)), groupId, true,
                        DirectoryObjectRef.user(UUID.randomUUID().toString()),
                        DirectoryObjectRef.user(UUID.randomUUID().toString())),
                TestEvents.ownersAdded(meta(groupId, correlation, t0.plusSeconds(3)), groupId, false,
                        UUID.randomUUID().toString()),
                TestEvents.sourceOfAuthority(meta(groupId, correlation, t0.plusSeconds(4)), groupId, name + " renamed",
                        true));
        producer.sendRaw(Topics.DIRECTORY_EVENTS, groupId, MessageTypes.nameOf(GroupCreated.class), "{\"metadata\":");
        awaitEntries(correlation, 6);
        producer.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.rejected(new CommandResult.ContractCommandRef(
                UUID.randomUUID(), "directory.RemoveOwners", correlation, groupId), "Request_BadRequest",
                "The group must keep at least one owner.", t0.plusSeconds(5)));
        awaitEntries(correlation, 7);
        List<Map<String, Object>> entriesBefore = entries(correlation);
        List<Map<String, Object>> targetsBefore = targets(correlation);
        List<Map<String, Object>> groupBefore = group(groupId);
        Map<String, List<String>> indexesBefore = indexes();
        assertThat(entriesBefore.toString()).contains("failure", "The group must keep at least one owner.",
                name + " renamed");

        HttpResponse<String> started = post(globalAdmin());
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(api.url(REBUILD + "/"));
        JsonNode done = await().atMost(REBUILT_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(location, globalAdmin()), p -> !p.get("status").asString().equals("replaying")
                        && !p.get("status").asString().equals("switching"));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
        JsonNode events = topic(done, Topics.DIRECTORY_EVENTS);
        assertThat(events.get("endOffsets").asLong()).isPositive();
        assertThat(events.get("offsetsDone").asLong()).isEqualTo(events.get("endOffsets").asLong());
        assertThat(events.get("entriesWritten").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(events.get("recordsPassedOver").asLong()).as("the malformed record").isPositive();
        assertThat(topic(done, Topics.DIRECTORY_COMMAND_RESULTS).get("entriesWritten").asLong()).isPositive();

        assertThat(entries(correlation)).as("entries, ids included").isEqualTo(entriesBefore);
        assertThat(targets(correlation)).isEqualTo(targetsBefore);
        assertThat(group(groupId)).isEqualTo(groupBefore);
        assertThat(indexes()).as("the live tables' index names are kept").isEqualTo(indexesBefore);
        assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                + "AND (tablename LIKE '%rebuild' OR tablename LIKE '%replaced')", String.class)).isEmpty();

        String later = UUID.randomUUID().toString();
        String laterGroup = UUID.randomUUID().toString();
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.groupCreated(meta(laterGroup, later, Instant.now()),
                TestEvents.syncedSecurityGroup(laterGroup, "After rebuild")));
        awaitEntries(later, 1);
    }

    @Test
    void refusesRebuildToAllButGlobalAdministratorsAndWithOptions() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(401);
        HttpResponse<String> groupsAdmin = post(TestTokens.groupsAdmin());
        assertThat(groupsAdmin.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(groupsAdmin.body()).get("error").get("code").asString())
                .isEqualTo("Authorization_RequestDenied");
        assertThat(post(TestTokens.app(UUID.randomUUID().toString(), Permissions.AUDIT_LOG_READ_ALL)).statusCode())
                .as("an application, even one that reads the audit log").isEqualTo(403);
        String withoutPermission = TestTokens.user(UUID.randomUUID().toString(), "g@corp.example.test",
                List.of(Permissions.GROUP_READ_ALL), List.of(DirectoryRoles.GLOBAL_ADMINISTRATOR));
        assertThat(post(withoutPermission).statusCode()).isEqualTo(403);
        assertThat(api.get(api.url(REBUILD + "/" + UUID.randomUUID()), TestTokens.groupsAdmin(), null).status())
                .isEqualTo(403);
        assertThat(api.get(api.url(REBUILD + "/" + UUID.randomUUID()), globalAdmin(), null).status()).isEqualTo(404);
        HttpResponse<String> withBody = http.send(HttpRequest.newBuilder(URI.create(api.url(REBUILD)))
                .header("Authorization", "Bearer " + globalAdmin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"everything\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withBody.statusCode()).as("a rebuild takes no options").isEqualTo(400);
    }

    @Test
    void runsOneRebuildAtATime() throws Exception {
        String first;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE directory_audit IN ACCESS SHARE MODE");
                lock.execute("LOCK TABLE audit_group IN ACCESS EXCLUSIVE MODE");
            }
            HttpResponse<String> started = post(globalAdmin());
            assertThat(started.statusCode()).isEqualTo(202);
            first = started.headers().firstValue("Location").orElseThrow();

            HttpResponse<String> second = post(globalAdmin());
            assertThat(second.statusCode()).as("while the first waits for the table lock").isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("error").get("message").asString()).contains("already running");
            holder.rollback();
        }
        JsonNode done = await().atMost(REBUILT_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(first, globalAdmin()), p -> p.get("status").asString().equals("succeeded")
                        || p.get("status").asString().equals("failed"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
    }

    private void awaitEntries(String correlation, int count) {
        await().atMost(WITHIN).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM directory_audit WHERE correlation_id = ?", Long.class, correlation) == count);
    }

    private List<Map<String, Object>> entries(String correlation) {
        return jdbc.queryForList("SELECT id, activity_date_time, activity_display_name, category, correlation_id, "
                + "audit_result, logged_by_service, operation_type, initiated_by_user_id, initiated_by_user_upn, "
                + "initiated_by_app_id, entry_json FROM directory_audit WHERE correlation_id = ? ORDER BY id",
                correlation);
    }

    private List<Map<String, Object>> targets(String correlation) {
        return jdbc.queryForList("SELECT t.* FROM directory_audit_target t JOIN directory_audit a ON a.id = t.audit_id "
                + "WHERE a.correlation_id = ? ORDER BY t.audit_id, t.target_index", correlation);
    }

    private List<Map<String, Object>> group(String groupId) {
        return jdbc.queryForList("SELECT * FROM audit_group WHERE group_id = ?", groupId);
    }

    private Map<String, List<String>> indexes() {
        return TABLES.stream().collect(java.util.stream.Collectors.toMap(table -> table, table -> jdbc.queryForList(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? "
                        + "ORDER BY indexname", String.class, table)));
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url(REBUILD)))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode progress(String location, String token) {
        ApiClient.Response response = api.get(location, token, null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode topic(JsonNode progress, String topic) {
        return StreamSupport.stream(progress.get("topics").spliterator(), false)
                .filter(t -> t.get("topic").asString().equals(topic)).findFirst().orElseThrow();
    }

    private static EventMetadata meta(String aggregateId, String correlation, Instant at) {
        return TestEvents.metadata(aggregateId, correlation, at, TestEvents.ADMIN);
    }
}
