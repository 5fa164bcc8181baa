package dev.steward.directory.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test, as any Graph client would call it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Api(int port) {
        this.port = port;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("client-request-id", "it-client-request");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Response send(HttpRequest.Builder request) {
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A {@code $ref} body naming the directory object {@code id}. */
    static String reference(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    /** The ids of a collection's items, in order. */
    static List<String> ids(JsonNode collection) {
        return collection.get("value").valueStream().map(item -> item.get("id").asString()).toList();
    }

    static String path(String template, Object... arguments) {
        return String.format(template, arguments).replace(" ", "%20").replace("'", "%27").replace("$", "%24");
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String errorCode() {
            return json().get("error").get("code").asString();
        }

        String errorMessage() {
            return json().get("error").get("message").asString();
        }
    }
}
