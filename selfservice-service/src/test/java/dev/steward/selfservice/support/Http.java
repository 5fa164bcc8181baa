package dev.steward.selfservice.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response get(String pathOrUrl, String token) {
        return send(request(pathOrUrl, token).GET());
    }

    public Response post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    /** A null {@code json} posts no body and no Content-Type. */
    public Response post(String path, String token, String json, String clientRequestId) {
        HttpRequest.Builder request = json == null ? request(path, token).POST(HttpRequest.BodyPublishers.noBody())
                : request(path, token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (clientRequestId != null) {
            request.header("client-request-id", clientRequestId);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String pathOrUrl, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, JsonNode json, String body) {

        public String errorCode() {
            return json.get("error").get("code").asString();
        }

        public String errorMessage() {
            return json.get("error").get("message").asString();
        }

        public String text(String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }
}
