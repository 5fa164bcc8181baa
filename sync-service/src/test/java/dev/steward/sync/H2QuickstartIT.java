package dev.steward.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.testing.FakeDirectory;
import dev.steward.sync.testing.TestDirectory;
import dev.steward.sync.testing.TestServiceTokens;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quickstart's set-up: an H2 file-style database in PostgreSQL mode (here in memory), the Flyway scripts, and the
 * Initial cycle the service queues when it starts.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AutoConfigureMockMvc
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC)
class H2QuickstartIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestKafka testKafka;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () ->
                "jdbc:h2:mem:steward-sync;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("steward.sync.ldap.url", TestDirectory::url);
        registry.add("steward.sync.ldap.password", () -> TestDirectory.PASSWORD);
        // the directory may answer late (its fake starts with the test): the cycle sends the membership after 1 s
        registry.add("steward.sync.engine.export-answer-timeout", () -> "1s");
        registry.add("steward.sync.initial-cycle-on-start", () -> "true");
        registry.add("steward.sync.schedule.interval", () -> "PT30M");
    }

    @Test
    void startsOnH2AndRunsTheInitialCycleAtStart() throws Exception {
        try (FakeDirectory directory = new FakeDirectory(testKafka)) {
            runsTheInitialCycle();
            // the directory's answers are handled on H2 too: every export's command is claimed
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM export_command").query(Long.class).single() == 0);
        }
    }

    private void runsTheInitialCycle() throws Exception {
        JsonNode cycle = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(this::firstCycle, c -> c != null && List.of("Succeeded", "Failed").contains(c.get("status").asString()));

        assertThat(cycle.get("status").asString()).as(cycle.toString()).isEqualTo("Succeeded");
        assertThat(cycle.get("trigger").asString()).isEqualTo("Startup");
        assertThat(cycle.get("policyType").asString()).isEqualTo("Initial");
        assertThat(cycle.get("initiatedBy").get("app").get("displayName").asString()).isEqualTo("Steward Sync");
        assertThat(cycle.get("counts").get("failed").asInt()).isZero();
        assertThat(cycle.get("counts").get("added").asInt()).isGreaterThanOrEqualTo(6);

        try (TopicRecorder recorder = new TopicRecorder(testKafka.adminConfig(), List.of(Topics.DIRECTORY_COMMANDS))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(recorder.messages(Topics.DIRECTORY_COMMANDS))
                    .map(TopicRecorder.Recorded::message).map(ContractCommand.class::cast)
                    .filteredOn(c -> c.key().equals(DirectoryIds.fromAnchor(TestDirectory.ENGINEERING_GUID)))
                    .map(ContractCommand::getClass).containsExactly(SyncGroup.class, SyncGroupMembership.class));
        }
        JsonNode entry = json.readTree(mvc.perform(get("/sync/connectorSpace/{id}",
                        DirectoryIds.fromAnchor(TestDirectory.ENGINEERING_GUID))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.groupsAdmin())).andReturn().getResponse()
                .getContentAsString());
        assertThat(entry.get("blockOnPremisesSync").asBoolean()).isFalse();
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private JsonNode firstCycle() throws Exception {
        JsonNode cycles = json.readTree(mvc.perform(get("/sync/cycles")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.groupsAdmin()))
                .andReturn().getResponse().getContentAsString()).get("value");
        return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }
}
