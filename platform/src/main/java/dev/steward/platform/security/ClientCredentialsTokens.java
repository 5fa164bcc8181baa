package dev.steward.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ServiceTokens} from the OAuth2 client credentials grant ({@code client_secret_basic}). A token is reused until
 * half its lifetime has passed, then a new one is fetched: every command leaves with at least half a lifetime in which
 * to be consumed. One instance serves every sender of a service; calls are serialised, so one fetch serves them all.
 */
public final class ClientCredentialsTokens implements ServiceTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ServiceClientProperties client;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Token current;

    private record Token(String value, Instant renewAt) {
    }

    public ClientCredentialsTokens(ServiceClientProperties client, Clock clock) {
        require(client.id(), "steward.client.id");
        require(client.secret(), "steward.client.secret");
        require(client.tokenUri(), "steward.client.token-uri");
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized String accessToken() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.renewAt())) {
            current = fetch(now);
        }
        return current.value();
    }

    private Token fetch(Instant now) {
        String form = "grant_type=client_credentials" + (client.scope() == null || client.scope().isBlank() ? ""
                : "&scope=" + URLEncoder.encode(client.scope(), StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(client.id(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.tokenUri())).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenException("cannot reach the token endpoint " + client.tokenUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("interrupted while asking " + client.tokenUri() + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceTokenException("the token endpoint " + client.tokenUri() + " refused client '"
                    + client.id() + "': HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.path("access_token").isString() ? body.path("access_token").asString() : null;
            long expiresIn = body.path("expires_in").isNumber() ? body.path("expires_in").asLong() : 0;
            if (token == null || token.isBlank() || expiresIn <= 0) {
                throw new ServiceTokenException("the token endpoint " + client.tokenUri()
                        + " answered without access_token or expires_in");
            }
            return new Token(token, now.plusSeconds(expiresIn / 2));
        } catch (JacksonException e) {
            throw new ServiceTokenException("the token endpoint " + client.tokenUri() + " answered no JSON", e);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required to obtain service tokens");
        }
    }
}
