package dev.steward.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.ClientCredentialsTokens;
import dev.steward.platform.security.ServiceClientProperties;
import dev.steward.platform.security.ServiceTokens;
import dev.steward.platform.security.StewardSecurityProperties;
import dev.steward.platform.security.TokenValidation;
import dev.steward.platform.testing.MovableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The client credentials flow end to end: this server issues, a service's platform code fetches and validates. */
@SpringBootTest(classes = AuthServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.autoconfigure.exclude=dev.steward.platform.PlatformAutoConfiguration")
class AuthServerTest {

    static final String SYNC_ID = "a0000000-0000-4000-8000-0000000000a1";
    static final String SECRET = "s3cret-for-this-test";
    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("steward.auth.issuer", () -> ISSUER);
        registry.add("steward.auth.clients[0].id", () -> SYNC_ID);
        registry.add("steward.auth.clients[0].secret", () -> SECRET);
        registry.add("steward.auth.clients[0].display-name", () -> "Steward Sync");
        registry.add("steward.auth.clients[0].roles[0]", () -> "OnPremDirectorySynchronization.ReadWrite.All");
    }

    private static ClientCredentialsTokens tokens(String secret, Clock clock) {
        return new ClientCredentialsTokens(new ServiceClientProperties(SYNC_ID, secret, ISSUER + "/oauth2/token", null),
                clock);
    }

    /** A service configured with issuer and audience only: its keys come from the issuer's discovery document. */
    private static JwtDecoder service() {
        return TokenValidation.decoder(new StewardSecurityProperties(ISSUER, "api://steward", null, null, false, null));
    }

    @Test
    void issuesAServiceTokenWithItsRolesForTenMinutesThatAServiceAccepts() {
        String token = tokens(SECRET, Clock.systemUTC()).accessToken();

        Jwt jwt = service().decode(token);
        Caller caller = Caller.from(jwt);
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getAudience()).containsExactly("api://steward");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(jwt.getClaimAsString("tid")).isEqualTo("00000000-0000-0000-0000-00000000c0de");
        assertThat(caller.isDelegated()).isFalse();
        assertThat(caller.appId()).isEqualTo(SYNC_ID);
        assertThat(caller.appDisplayName()).isEqualTo("Steward Sync");
        assertThat(caller.roles()).containsExactly("OnPremDirectorySynchronization.ReadWrite.All");
        assertThat(caller.hasPermission("OnPremDirectorySynchronization.ReadWrite.All")).isTrue();
    }

    @Test
    void reusesATokenUntilHalfItsLifetimeHasPassedThenFetchesANewOne() {
        MovableClock clock = new MovableClock(Instant.now());
        ServiceTokens tokens = tokens(SECRET, clock);

        String first = tokens.accessToken();
        clock.advance(Duration.ofMinutes(4));
        String reused = tokens.accessToken();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        String renewed = tokens.accessToken();

        assertThat(reused).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(Caller.from(service().decode(renewed)).appId()).as("the renewed token is valid").isEqualTo(SYNC_ID);
    }

    @Test
    void refusesAServiceWithAWrongSecret() {
        assertThatThrownBy(() -> tokens("not-the-secret", Clock.systemUTC()).accessToken())
                .isInstanceOf(ServiceTokens.ServiceTokenException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void answersHealthWithoutSignInAndPublishesItsDiscoveryDocument() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                URI.create(ISSUER + "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + ISSUER + "\"", ISSUER + "/oauth2/jwks");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
