package dev.steward.audit.it;

import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.AuditApplication;
import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quickstart database: the service runs on H2 in PostgreSQL mode, as {@code ./steward up} starts it. */
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@AuthenticatedKafka(principal = KafkaPrincipal.AUDIT)
class AuditServiceOnH2IT {

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    AuditProjector projector;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void projectsQueriesAndPagesOnH2() {
        ApiClient api = new ApiClient(port);
        String corr = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-02-01T12:00:00.123456Z");
        SourceOfAuthorityChanged switched = TestEvents.sourceOfAuthority(
                TestEvents.metadata(GROUP_ID, corr, at, TestEvents.ADMIN), GROUP_ID, "Eng_100%", true);
        SourceOfAuthorityChanged undone = TestEvents.sourceOfAuthority(
                TestEvents.metadata(GROUP_ID, corr, at.plusSeconds(1), TestEvents.ADMIN), GROUP_ID, "Eng_100%", false);

        try (KafkaTestClient producer = kafka.owners()) {
            producer.publish(Topics.DIRECTORY_EVENTS, switched);
            producer.publish(Topics.DIRECTORY_EVENTS, switched);
            producer.publish(Topics.DIRECTORY_EVENTS, undone);
        }
        String filter = "correlationId eq '" + corr + "'";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.directoryAudits(TestTokens.groupsAdmin(), filter).ids().contains(undone.messageId()));
        projector.project(switched);

        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), filter + " and activityDisplayName eq "
                + "'Change Source of Authority from AD to cloud' and targetResources/any(t: startswith(t/displayName,"
                + "'Eng_100%')) and activityDateTime ge 2026-02-01T12:00:00.123456Z and activityDateTime le "
                + "2026-02-01T12:00:00.123456Z").ids()).containsExactly(switched.messageId());
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), filter + " and startswith(activityDisplayName,'Undo')")
                .ids()).containsExactly(undone.messageId());
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), "targetResources/any(t: startswith(t/displayName,"
                + "'Eng%'))").ids()).isEmpty();
        ApiClient.Response first = api.directoryAudits(TestTokens.groupsAdmin(), Map.of("$filter", filter, "$top", "1",
                "$count", "true"));
        ApiClient.Response second = api.get(first.body().get("@odata.nextLink").asString(), TestTokens.groupsAdmin(), null);
        assertThat(first.body().get("@odata.count").asLong()).isEqualTo(2);
        assertThat(first.ids()).containsExactly(undone.messageId());
        assertThat(second.ids()).containsExactly(switched.messageId());
        assertThat(second.body().has("@odata.nextLink")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit_target WHERE audit_id = ?", Integer.class,
                switched.messageId())).isEqualTo(1);
    }

    @Test
    void namesTheGroupOfMemberEntriesOnH2() {
        ApiClient api = new ApiClient(port);
        String corr = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-02-01T12:00:00Z");
        projector.project(TestEvents.groupCreated(TestEvents.metadata(GROUP_ID, corr, at, TestEvents.ADMIN),
                TestEvents.syncedSecurityGroup(GROUP_ID, "Old name")));
        projector.project(TestEvents.groupRenamed(TestEvents.metadata(GROUP_ID, corr, at.plusSeconds(10),
                TestEvents.ADMIN), "Old name", "Engineering", true));
        projector.project(TestEvents.groupRenamed(TestEvents.metadata(GROUP_ID, corr, at.plusSeconds(5),
                TestEvents.ADMIN), "Older", "Stale name", true));
        var added = TestEvents.membersAdded(TestEvents.metadata(GROUP_ID, corr, at.plusSeconds(20), TestEvents.ADMIN),
                GROUP_ID, false, DirectoryObjectRef.user(TestEvents.BOB_ID));

        projector.project(added);
        projector.project(added);

        var entries = api.directoryAudits(TestTokens.groupsAdmin(), "correlationId eq '" + corr
                + "' and activityDisplayName eq 'Add member to group' and targetResources/any(t: t/id eq '"
                + TestEvents.BOB_ID + "')").value();
        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.get("targetResources").get(1)
                .get("displayName").asString()).as("the newest snapshot's name").isEqualTo("Engineering"));
    }

    @Test
    void countsActivitiesPerHourAndRefusesARebuildOnH2() throws Exception {
        ApiClient api = new ApiClient(port);
        String corr = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-02-02T09:59:59Z");
        projector.project(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID, corr, at, TestEvents.ADMIN),
                GROUP_ID, "Eng", true));
        projector.project(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID, corr, at.plusSeconds(1),
                TestEvents.ADMIN), GROUP_ID, "Eng", false));

        ApiClient.Response summary = api.get(api.url(ApiClient.DIRECTORY_AUDITS + "/summary?$filter="
                + java.net.URLEncoder.encode("correlationId eq '" + corr + "'", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")), TestTokens.groupsAdmin(), null);

        assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
        assertThat(summary.value()).extracting(c -> c.get("periodStartDateTime").asString() + " "
                + c.get("activityDisplayName").asString() + " " + c.get("count").asLong()).containsExactly(
                "2026-02-02T09:00:00Z Change Source of Authority from AD to cloud 1",
                "2026-02-02T10:00:00Z Undo changes to Source of Authority from AD to cloud 1");
        var rebuild = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.url("/v1.0/auditLogs/rebuild"))).POST(
                java.net.http.HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer "
                + RebuildIT.globalAdmin()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).isEqualTo(400);
        assertThat(rebuild.body()).contains("needs PostgreSQL");
    }
}
