package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.Initiator;
import dev.steward.directory.DirectoryApplication;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.platform.jdbc.PlannerStatisticsRefresh;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The quickstart database: the service starts on an H2 database in PostgreSQL mode, as {@code ./steward up} runs
 * it, with the same Flyway scripts, and serves the SOA switch.
 */
@SpringBootTest(classes = DirectoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.config=classpath:logback-directory-test.xml",
                "spring.datasource.username=sa", "spring.datasource.password="})
@AuthenticatedKafka(principal = KafkaPrincipal.DIRECTORY)
class DirectoryServiceOnH2IT {

    @LocalServerPort
    int port;
    @Autowired
    DirectoryCommands commands;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    PlannerStatisticsRefresh plannerStatistics;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:directory-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @Test
    void servesTheSourceOfAuthoritySwitchOnH2() throws Exception {
        assertThat(tokenStore).isInstanceOf(JpaTokenStore.class);
        AdGroup group = AdGroup.security("H2");
        commands.send(group.command(Instant.parse("2026-01-01T10:00:00Z")),
                new CommandOrigin("h2", Initiator.app(TestTokens.SYNC_APP_ID, "Steward Sync")));
        Api api = new Api(port);
        String admin = TestTokens.groupsAdmin();

        assertThat(api.get("/v1.0/groups/" + group.id(), admin).json().get("onPremisesSyncEnabled").asBoolean())
                .isTrue();
        assertThat(api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.patch("/beta/groups/" + group.id() + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}").status()).isEqualTo(204);
        assertThat(api.patch("/v1.0/groups/" + group.id(), admin, "{\"displayName\":\"Cloud\"}").status())
                .isEqualTo(204);
        assertThat(api.get(Api.path("/v1.0/groups?$filter=displayName eq 'Cloud'"), admin).json().get("value")
                .get(0).get("id").asString()).isEqualTo(group.id());
        AdGroup other = AdGroup.security("H2");
        commands.send(other.command(Instant.parse("2026-01-01T10:00:00Z")),
                new CommandOrigin("h2", Initiator.app(TestTokens.SYNC_APP_ID, "Steward Sync")));
        JsonNode first = api.get(Api.path("/v1.0/groups?$filter=not groupTypes/any(c:c eq 'Unified') and "
                + "(onPremisesSyncBehavior/isCloudManaged eq true or not (onPremisesSyncEnabled eq null))"
                + "&$orderby=displayName desc&$top=1"), admin).json();
        JsonNode second = api.get(first.get("@odata.nextLink").asString().substring(("http://127.0.0.1:" + port)
                .length()), admin).json();
        assertThat(List.of(first.get("value").get(0).get("id").asString(), second.get("value").get(0).get("id")
                .asString())).containsExactly(other.id(), group.id());
        assertThat(second.has("@odata.nextLink")).isFalse();

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshesNoPlannerStatisticsOnH2() {
        assertThat(plannerStatistics.isRunning()).isFalse();
        assertThat(plannerStatistics.refreshNow()).isEmpty();
    }
}
