package dev.steward.sync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class SyncApiIT extends SyncServiceIntegrationTest {

    private static final String ALICE_ID = "2f6b2b0e-6a43-4a5e-9c1a-8f2e7d1c0b01";
    private static final String CYCLES = "/sync/cycles";
    private static final String LOGS = "/sync/provisioningLogs";
    private static final String CONNECTOR_SPACE = "/sync/connectorSpace";

    @ParameterizedTest
    @ValueSource(strings = {CYCLES, LOGS, CONNECTOR_SPACE})
    void refusesReadsWithoutAValidToken(String path) throws Exception {
        assertUnauthenticated(getAs(null, path));
        assertUnauthenticated(getAs(TestTokens.forged(adminClaims()), path));
        assertUnauthenticated(getAs(TestTokens.expired(adminClaims()), path));
    }

    @Test
    void refusesToStartACycleWithoutAValidToken() throws Exception {
        assertUnauthenticated(postCycle(null, "{\"policyType\":\"Delta\"}"));
        assertUnauthenticated(postCycle(TestTokens.forged(adminClaims()), "{\"policyType\":\"Delta\"}"));
        assertUnauthenticated(postCycle(TestTokens.expired(adminClaims()), "{\"policyType\":\"Delta\"}"));
    }

    @Test
    void refusesToStartACycleForAGroupsAdministratorWithoutASyncRole() throws Exception {
        String groupsAdminOnly = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.SYNCHRONIZATION_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

        assertDenied(postCycle(groupsAdminOnly, "{\"policyType\":\"Delta\"}"));
    }

    @Test
    void refusesToStartACycleForAHybridIdentityAdministratorWithoutThePermission() throws Exception {
        String noPermission = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.SYNCHRONIZATION_READ_ALL), List.of(DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR));

        assertDenied(postCycle(noPermission, "{\"policyType\":\"Delta\"}"));
        assertDenied(postCycle(TestTokens.app(UUID.randomUUID().toString(), Permissions.SYNCHRONIZATION_READ_ALL),
                "{\"policyType\":\"Delta\"}"));
        // The authorisation comes before the body is read.
        assertDenied(postCycle(noPermission, "not json"));
    }

    @Test
    void appWithSynchronizationReadWriteStartsACycle() throws Exception {
        String app = TestTokens.app(UUID.randomUUID().toString(), Permissions.SYNCHRONIZATION_READWRITE_ALL);
        awaitIdle();

        MockHttpServletResponse response = postCycle(app, "{\"policyType\":\"initial\"}");

        assertThat(response.getStatus()).isEqualTo(202);
        JsonNode cycle = body(response);
        assertThat(cycle.get("policyType").asString()).isEqualTo("Initial");
        assertThat(cycle.get("status").asString()).isIn("Queued", "Running", "Succeeded");
        assertThat(cycle.get("initiatedBy").get("app").get("displayName").asString()).isEqualTo("test app");
        assertThat(response.getHeader("Location")).endsWith("/sync/cycles/" + cycle.get("id").asString());
        JsonNode finished = awaitCycle(cycle.get("id").asString());
        assertThat(finished.get("status").asString()).isEqualTo("Succeeded");
        JsonNode progress = finished.get("progress");
        assertThat(progress.get("phase").asString()).isEqualTo("done");
        assertThat(progress.get("objectsTotal").asInt()).isEqualTo(progress.get("objectsProcessed").asInt())
                .isPositive();
        assertThat(progress.get("errors").asInt()).isZero();
        assertThat(progress.get("updatedDateTime").asString()).isNotBlank();
    }

    @Test
    void cycleWithoutABodyIsADeltaCycle() throws Exception {
        awaitIdle();
        MockHttpServletResponse response = postCycle(ADMIN, null);

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(body(response).get("policyType").asString()).isEqualTo("Delta");
        awaitCycle(body(response).get("id").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"policyType\":\"Full\"}", "not json", "[\"Delta\"]", "{\"policyType\":5}",
            "{\"policyType\":{\"name\":\"Delta\"}}", "{\"policyType\":",
            "{\"policyType\":\"Delta\",\"policyType\":\"Initial\"}", "{\"policyType\":\"Delta\",\"force\":true}",
            "{\"policyType\":\"Delta\"} x"})
    void rejectsABadCycleRequestWithAGraphError(String body) throws Exception {
        MockHttpServletResponse response = postCycle(ADMIN, body);

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode error = body(response).get("error");
        assertThat(error.get("code").asString()).isEqualTo("Request_BadRequest");
        assertThat(error.get("innerError").get("request-id").asString()).isNotBlank();
    }

    @Test
    void refusesACycleRequestThatIsNotJsonWith415() throws Exception {
        MockHttpServletResponse response = mvc.perform(post(CYCLES).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.TEXT_PLAIN).content("{\"policyType\":\"Delta\"}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("Request_UnsupportedMediaType");
    }

    @Test
    void readsCyclesWithSynchronizationReadAndRefusesOtherCallers() throws Exception {
        String reader = TestTokens.app(UUID.randomUUID().toString(), Permissions.SYNCHRONIZATION_READ_ALL);
        String directoryWriter = TestTokens.app(UUID.randomUUID().toString(),
                Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL);
        String cycleId = runCycle("Delta").get("id").asString();

        assertThat(getAs(reader, CYCLES).getStatus()).isEqualTo(200);
        JsonNode cycle = body(getAs(reader, CYCLES + "/{id}", cycleId));
        assertThat(cycle.get("id").asString()).isEqualTo(cycleId);
        assertThat(cycle.get("counts").has("skipped")).isTrue();
        assertDenied(getAs(directoryWriter, CYCLES));
        assertDenied(getAs(directoryWriter, CYCLES + "/{id}", cycleId));
        assertDenied(getAs(directoryWriter, CONNECTOR_SPACE));
    }

    @Test
    void unknownCycleIsNotFound() throws Exception {
        MockHttpServletResponse response = getAs(ADMIN, CYCLES + "/{id}", UUID.randomUUID().toString());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("Request_ResourceNotFound");
        assertThat(getAs(ADMIN, CONNECTOR_SPACE + "/{id}", "no-such-object").getStatus()).isEqualTo(404);
    }

    @Test
    void pagesCyclesNewestFirstWithANextLink() throws Exception {
        String older = runCycle("Delta").get("id").asString();
        String newer = runCycle("Delta").get("id").asString();

        JsonNode first = body(getAs(ADMIN, CYCLES + "?$top=1"));
        assertThat(first.get("@odata.context").asString()).endsWith("/sync/$metadata#cycles");
        assertThat(first.get("value")).singleElement().satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(newer));
        String nextLink = first.get("@odata.nextLink").asString();
        assertThat(nextLink).contains("$top=1").contains("$skiptoken=");

        JsonNode second = body(getAs(ADMIN, nextLink.substring(nextLink.indexOf("/sync/"))));
        assertThat(second.get("value")).singleElement().satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(older));
    }

    @ParameterizedTest
    @ValueSource(strings = {CYCLES + "?$top=0", CYCLES + "?$top=1000", CYCLES + "?$top=many",
            CYCLES + "?$skiptoken=bogus", LOGS + "?$filter=action eq Skip", LOGS + "?$filter=action eq 'Skip' and",
            LOGS + "?$filter=activityDateTime ge yesterday", CONNECTOR_SPACE + "?$skiptoken=%%%"})
    void rejectsBadQueryOptionsWithAGraphError(String path) throws Exception {
        MockHttpServletResponse response = getAs(ADMIN, path);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("Request_BadRequest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName eq 'x'", "action eq 'Skip' or action eq 'Add'", "action ne 'Skip'"})
    void answersAFilterItDoesNotSupportWithUnsupportedQuery(String filter) throws Exception {
        MockHttpServletResponse response = getAs(ADMIN, LOGS + "?$filter=" + filter);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("Request_UnsupportedQuery");
    }

    @Test
    void readsProvisioningLogsWithAuditLogReadAndAnAuditRole() throws Exception {
        String reportsReader = TestTokens.user(ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.AUDIT_LOG_READ_ALL), List.of(DirectoryRoles.REPORTS_READER));
        String app = TestTokens.app(UUID.randomUUID().toString(), Permissions.AUDIT_LOG_READ_ALL);

        JsonNode logs = body(getAs(reportsReader, LOGS + "?$filter=action eq 'Skip'&$top=5"));
        assertThat(logs.get("@odata.context").asString()).endsWith("/sync/$metadata#provisioningLogs");
        assertThat(logs.get("value").isArray()).isTrue();
        assertThat(getAs(app, LOGS).getStatus()).isEqualTo(200);
    }

    @Test
    void refusesProvisioningLogsWithoutAuditLogReadOrWithoutAnAuditRole() throws Exception {
        String noRole = TestTokens.user(ALICE_ID, "alice@corp.example.test", List.of(Permissions.AUDIT_LOG_READ_ALL),
                List.of());
        String noPermission = TestTokens.user(ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.SYNCHRONIZATION_READWRITE_ALL), List.of(DirectoryRoles.GLOBAL_ADMINISTRATOR));

        assertDenied(getAs(noRole, LOGS));
        assertDenied(getAs(noPermission, LOGS));
        assertDenied(getAs(TestTokens.app(UUID.randomUUID().toString(), Permissions.SYNCHRONIZATION_READ_ALL), LOGS));
    }

    private static DevTokens.Claims adminClaims() {
        return DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.SYNCHRONIZATION_READWRITE_ALL, Permissions.AUDIT_LOG_READ_ALL),
                List.of(DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR));
    }

    private void assertUnauthenticated(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("InvalidAuthenticationToken");
    }

    private void assertDenied(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(403);
        assertThat(body(response).get("error").get("code").asString()).isEqualTo("Authorization_RequestDenied");
    }
}
