package dev.steward.launcher.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET <base>/actuator/health}, which every service serves without a token. */
public final class HealthProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI url;

    public HealthProbe(String baseUrl) {
        this.url = URI.create(baseUrl + "/actuator/health");
    }

    public URI url() {
        return url;
    }

    public record Answer(boolean up, String description) {
    }

    public Answer check() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = status(response.body());
            return new Answer(response.statusCode() == 200 && "UP".equals(status),
                    "HTTP " + response.statusCode() + (status != null ? " " + status : ""));
        } catch (IOException e) {
            return new Answer(false, e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }

    private static String status(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("status");
            return status.isString() ? status.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
