package dev.steward.audit.it;

import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The Graph query API over entries projected into PostgreSQL. */
class DirectoryAuditApiIT extends PostgresAndKafkaTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Initiator CAROL = new Initiator("c0000000-0000-4000-8000-00000000000c",
            "carol@corp.example.test", "Carol", "app-portal", "Portal", "10.0.0.7");

    @Autowired
    AuditProjector projector;

    @Test
    void filtersByEverySupportedForm() {
        String corr = UUID.randomUUID().toString();
        IntegrationEvent created = record(TestEvents.groupCreated(meta(GROUP_ID, corr, T0, TestEvents.ADMIN),
                TestEvents.syncedSecurityGroup(GROUP_ID, "Engineering")));
        IntegrationEvent switched = record(TestEvents.sourceOfAuthority(meta(GROUP_ID, corr, T0.plusSeconds(60), CAROL),
                GROUP_ID, "Engineering", true));
        IntegrationEvent undone = record(TestEvents.sourceOfAuthority(meta(GROUP_ID, corr, T0.plusSeconds(120), CAROL),
                GROUP_ID, "Engineering", false));
        IntegrationEvent requested = record(TestEvents.membershipRequested(meta("req-" + corr, corr,
                T0.plusSeconds(180), TestEvents.ADMIN)));
        IntegrationEvent skipped = record(TestEvents.syncChangeSkipped(meta(GROUP_ID, corr, T0.plusSeconds(240),
                TestEvents.SYNC_ENGINE)));
        String mine = "correlationId eq '" + corr + "' and ";

        assertThat(ids(mine + "activityDisplayName eq 'Change Source of Authority from AD to cloud'"))
                .containsExactly(switched.messageId());
        assertThat(ids(mine + "startswith(activityDisplayName,'Undo changes to Source')"))
                .containsExactly(undone.messageId());
        assertThat(ids(mine + "category eq 'Synchronization'")).containsExactly(skipped.messageId());
        assertThat(ids(mine + "loggedByService eq 'Self-service Group Management'")).containsExactly(requested.messageId());
        assertThat(ids(mine + "activityDateTime ge 2026-03-01T08:01:00Z and activityDateTime le 2026-03-01T08:03:00Z"))
                .containsExactly(requested.messageId(), undone.messageId(), switched.messageId());
        assertThat(ids(mine + "activityDateTime gt 2026-03-01T09:00:00+01:00 and activityDateTime lt '2026-03-01T08:02:00Z'"))
                .containsExactly(switched.messageId());
        assertThat(ids(mine + "initiatedBy/user/id eq '" + CAROL.userId() + "'"))
                .containsExactly(undone.messageId(), switched.messageId());
        assertThat(ids(mine + "initiatedBy/user/userPrincipalName eq 'admin@corp.example.test'"))
                .containsExactly(requested.messageId(), created.messageId());
        assertThat(ids(mine + "startswith(initiatedBy/user/userPrincipalName,'carol@')")).hasSize(2);
        assertThat(ids(mine + "initiatedBy/app/appId eq '" + TestEvents.SYNC_ENGINE.appId() + "'"))
                .containsExactly(skipped.messageId());
        assertThat(ids(mine + "targetResources/any(t: t/id eq '" + TestEvents.BOB_ID + "')"))
                .containsExactly(requested.messageId());
        assertThat(ids(mine + "targetResources/any(t:t/id eq '" + GROUP_ID + "') and operationType eq 'Update'"))
                .containsExactly(skipped.messageId(), undone.messageId(), switched.messageId());
        assertThat(ids("correlationId eq '" + corr + "'")).hasSize(5);
    }

    @Test
    void treatsQuotesWildcardsAndInjectionAttemptsAsLiterals() {
        String corr = UUID.randomUUID().toString();
        IntegrationEvent obrien = record(TestEvents.groupCreated(meta("g-obrien-" + corr, corr, T0, TestEvents.ADMIN),
                TestEvents.cloudMicrosoft365Group("g-obrien-" + corr, "O'Brien's group")));
        IntegrationEvent percent = record(TestEvents.groupCreated(meta("g-pct-" + corr, corr, T0, TestEvents.ADMIN),
                TestEvents.cloudMicrosoft365Group("g-pct-" + corr, "100% Club")));
        record(TestEvents.groupCreated(meta("g-1000-" + corr, corr, T0, TestEvents.ADMIN),
                TestEvents.cloudMicrosoft365Group("g-1000-" + corr, "1000 Club")));
        String mine = "correlationId eq '" + corr + "' and ";

        assertThat(ids(mine + "targetResources/any(t: t/displayName eq 'O''Brien''s group')"))
                .containsExactly(obrien.messageId());
        assertThat(ids(mine + "targetResources/any(t: startswith(t/displayName,'100%'))"))
                .containsExactly(percent.messageId());
        assertThat(ids("activityDisplayName eq 'x'' or 1=1 --'")).isEmpty();
        assertThat(ids("correlationId eq '''; DROP TABLE directory_audit; --'")).isEmpty();
        assertThat(ids("startswith(activityDisplayName,'%')")).isEmpty();
        assertThat(ids("correlationId eq '" + corr + "'")).hasSize(3);
    }

    @Test
    void pagesWithAbsoluteNextLinksNewestFirst() {
        String corr = UUID.randomUUID().toString();
        List<IntegrationEvent> events = new ArrayList<>();
        Instant[] times = {T0, T0.plusSeconds(1), T0.plusSeconds(1), T0.plusSeconds(1), T0.plusSeconds(2)};
        for (Instant at : times) {
            events.add(record(TestEvents.sourceOfAuthority(meta(GROUP_ID, corr, at, TestEvents.ADMIN), GROUP_ID,
                    "Engineering", true)));
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("$filter", "correlationId eq '" + corr + "'");
        options.put("$top", "2");
        options.put("$count", "true");

        List<String> seen = new ArrayList<>();
        ApiClient.Response page = api.directoryAudits(TestTokens.groupsAdmin(), options);
        int pages = 1;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("@odata.count").asLong()).isEqualTo(5);
            assertThat(page.body().get("@odata.context").asString())
                    .isEqualTo(api.url("/v1.0/$metadata#auditLogs/directoryAudits"));
            seen.addAll(page.ids());
            JsonNode next = page.body().get("@odata.nextLink");
            if (next == null) {
                break;
            }
            assertThat(next.asString()).startsWith(api.url(ApiClient.DIRECTORY_AUDITS + "?"))
                    .contains("$top=2").contains("$skiptoken=").contains("$filter=correlationId%20eq%20");
            page = api.get(next.asString(), TestTokens.groupsAdmin(), null);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
        assertThat(seen.get(0)).isEqualTo(events.get(4).messageId());
        assertThat(seen.get(4)).isEqualTo(events.get(0).messageId());
        List<String> ties = events.subList(1, 4).stream().map(IntegrationEvent::messageId)
                .sorted(Comparator.reverseOrder()).toList();
        assertThat(seen.subList(1, 4)).as("same time: by id, descending").containsExactlyElementsOf(ties);
    }

    @Test
    void pagesOldestFirstWhenAskedAscending() {
        String corr = UUID.randomUUID().toString();
        IntegrationEvent first = record(TestEvents.userSynced(meta("u1", corr, T0, TestEvents.SYNC_ENGINE), true));
        IntegrationEvent second = record(TestEvents.userSynced(meta("u1", corr, T0.plusSeconds(5), TestEvents.SYNC_ENGINE),
                false));

        ApiClient.Response page = api.directoryAudits(TestTokens.groupsAdmin(), Map.of(
                "$filter", "correlationId eq '" + corr + "'", "$orderby", "activityDateTime asc", "$top", "1"));
        ApiClient.Response last = api.get(page.body().get("@odata.nextLink").asString(), TestTokens.groupsAdmin(), null);

        assertThat(page.ids()).containsExactly(first.messageId());
        assertThat(last.ids()).containsExactly(second.messageId());
        assertThat(last.body().has("@odata.nextLink")).isFalse();
    }

    @Test
    void readsOneEntryByIdAndAnswers404ForUnknownId() {
        IntegrationEvent switched = record(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", true));

        ApiClient.Response found = api.get(api.url(ApiClient.DIRECTORY_AUDITS + "/" + switched.messageId()),
                TestTokens.groupsAdmin(), null);
        ApiClient.Response missing = api.get(api.url(ApiClient.DIRECTORY_AUDITS + "/" + UUID.randomUUID()),
                TestTokens.groupsAdmin(), "client-42");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("@odata.context").asString())
                .isEqualTo(api.url("/v1.0/$metadata#auditLogs/directoryAudits/$entity"));
        assertThat(found.body().get("id").asString()).isEqualTo(switched.messageId());
        assertThat(found.body().get("activityDisplayName").asString())
                .isEqualTo("Change Source of Authority from AD to cloud");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(missing.body().get("error").get("innerError").get("client-request-id").asString())
                .isEqualTo("client-42");
    }

    @Test
    void answersBadQueriesWithGraphErrors() {
        String admin = TestTokens.groupsAdmin();

        assertError(api.directoryAudits(admin, Map.of("$top", "1000")), 400, "BadRequest");
        assertError(api.directoryAudits(admin, Map.of("$top", "zero")), 400, "BadRequest");
        assertError(api.directoryAudits(admin, Map.of("$skiptoken", "forged")), 400, "BadRequest");
        assertError(api.directoryAudits(admin, Map.of("$skip", "5")), 400, "Request_UnsupportedQuery");
        assertError(api.directoryAudits(admin, Map.of("$orderby", "category")), 400, "Request_UnsupportedQuery");
        assertError(api.directoryAudits(admin, "activityDisplayName eq 'a' or category eq 'b'"), 400,
                "Request_UnsupportedQuery");
        assertError(api.directoryAudits(admin, "resultReason eq 'x'"), 400, "Request_UnsupportedQuery");
        ApiClient.Response unterminated = api.directoryAudits(admin, "activityDisplayName eq 'x");
        assertError(unterminated, 400, "BadRequest");
        assertThat(unterminated.errorMessage()).contains("not closed");
    }

    @Test
    void refusesCallersWithoutValidToken() {
        var claims = DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.AUDIT_LOG_READ_ALL), List.of(DirectoryRoles.GLOBAL_ADMINISTRATOR));

        assertError(api.directoryAudits(null, Map.of()), 401, "InvalidAuthenticationToken");
        assertError(api.directoryAudits(TestTokens.forged(claims), Map.of()), 401, "InvalidAuthenticationToken");
        assertError(api.directoryAudits(TestTokens.expired(claims), Map.of()), 401, "InvalidAuthenticationToken");
        assertError(api.get(api.url(ApiClient.DIRECTORY_AUDITS + "/x"), null, null), 401, "InvalidAuthenticationToken");
    }

    @Test
    void refusesCallersWithoutAuditLogPermissionOrAuditRole() {
        String scopeNoRole = TestTokens.user("u-2", "u2@corp.example.test", List.of(Permissions.AUDIT_LOG_READ_ALL),
                List.of(DirectoryRoles.USER_ADMINISTRATOR));
        String roleNoScope = TestTokens.user("u-3", "u3@corp.example.test", List.of(Permissions.GROUP_READ_ALL),
                List.of(DirectoryRoles.GLOBAL_READER));
        String appNoRole = TestTokens.app("app-9", Permissions.GROUP_READ_ALL);

        for (String token : List.of(scopeNoRole, roleNoScope, appNoRole)) {
            assertError(api.directoryAudits(token, Map.of()), 403, "Authorization_RequestDenied");
            assertError(api.get(api.url(ApiClient.DIRECTORY_AUDITS + "/x"), token, null), 403,
                    "Authorization_RequestDenied");
        }
    }

    @Test
    void letsAuditReadersAndAuditAppsRead() {
        String reportsReader = TestTokens.user("u-4", "u4@corp.example.test", List.of(Permissions.AUDIT_LOG_READ_ALL),
                List.of(DirectoryRoles.REPORTS_READER));
        String app = TestTokens.app("app-10", Permissions.AUDIT_LOG_READ_ALL);

        for (String token : List.of(reportsReader, app, TestTokens.groupsAdmin())) {
            ApiClient.Response response = api.directoryAudits(token, Map.of("$top", "1"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        }
    }

    @Test
    void leavesHealthOpenForTheLauncher() {
        assertThat(api.get(api.url("/actuator/health"), null, null).status()).isEqualTo(200);
    }

    private IntegrationEvent record(IntegrationEvent event) {
        projector.project(event);
        return event;
    }

    private List<String> ids(String filter) {
        ApiClient.Response response = api.directoryAudits(TestTokens.groupsAdmin(), filter);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.ids();
    }

    private static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    private static EventMetadata meta(String aggregateId, String correlation, Instant at, Initiator initiator) {
        return TestEvents.metadata(aggregateId, correlation, at, initiator);
    }
}
