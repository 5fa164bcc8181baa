package dev.steward.audit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over real HTTP, as Graph clients do. */
final class ApiClient {

    static final String DIRECTORY_AUDITS = "/v1.0/auditLogs/directoryAudits";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    /** A response and its parsed body. */
    record Response(int status, JsonNode body, HttpResponse<String> raw) {

        List<JsonNode> value() {
            return StreamSupport.stream(body.get("value").spliterator(), false).toList();
        }

        List<String> ids() {
            return value().stream().map(entry -> entry.get("id").asString()).toList();
        }

        String errorCode() {
            return body.get("error").get("code").asString();
        }

        String errorMessage() {
            return body.get("error").get("message").asString();
        }
    }

    /** {@code GET /v1.0/auditLogs/directoryAudits} with the given query options (values are encoded here). */
    Response directoryAudits(String token, Map<String, String> options) {
        Map<String, String> ordered = new LinkedHashMap<>(options);
        String query = ordered.entrySet().stream()
                .map(o -> o.getKey() + "=" + URLEncoder.encode(o.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
        return get(url(DIRECTORY_AUDITS + (query.isEmpty() ? "" : "?" + query)), token, null);
    }

    Response directoryAudits(String token, String filter) {
        return directoryAudits(token, Map.of("$filter", filter));
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    Response get(String absoluteUrl, String token, String clientRequestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absoluteUrl)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (clientRequestId != null) {
            request.header("client-request-id", clientRequestId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
