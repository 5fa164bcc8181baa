package dev.steward.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure answered with a Graph error body: an HTTP status, a Graph error code and a message. Domain errors
 * are translated to this at the web edge.
 */
public class GraphException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public GraphException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "Request_BadRequest", message);
    }

    public static GraphException notFound(String id) {
        return new GraphException(HttpStatus.NOT_FOUND, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
