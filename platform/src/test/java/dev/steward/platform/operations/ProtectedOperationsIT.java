package dev.steward.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.app.PlatformTestApplication;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code steward.security.protect-operations=true}: metrics and the API description need a token and the role. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.application.name=selfservice-service",
                "spring.kafka.consumer.group-id=steward-selfservice",
                "steward.security.protect-operations=true"})
@AuthenticatedKafka(principal = KafkaPrincipal.SELFSERVICE)
class ProtectedOperationsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void refusesMetricsAndApiDescriptionWithoutATokenWith401() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/v3/api-docs"}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("InvalidAuthenticationToken");
        }
    }

    @Test
    void refusesATokenWithoutTheOperationsRoleWith403() throws Exception {
        String token = TestTokens.app("monitoring-app", Permissions.GROUP_READ_ALL);
        for (String path : new String[] {"/actuator/prometheus", "/v3/api-docs"}) {
            assertThat(get(path, token).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void servesBothToATokenWithTheOperationsRole() throws Exception {
        String token = TestTokens.app("monitoring-app", Permissions.OPERATIONS_READ);

        assertThat(get("/actuator/prometheus", token).body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs", token).body()).contains("\"openapi\"");
        assertThat(get("/actuator/health", null).statusCode()).as("health stays open").isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
