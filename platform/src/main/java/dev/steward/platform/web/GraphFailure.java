package dev.steward.platform.web;

import dev.steward.platform.kafka.Outages;
import dev.steward.platform.security.AccessDeniedException;
import java.io.EOFException;
import java.util.OptionalInt;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The Graph answer to a failure: status, Graph error code and message. One mapping from exceptions and bare
 * statuses to Graph errors, used by {@link GraphErrorAdvice} (controllers), {@link GraphErrorController} (what
 * reaches the servlet container's error page: filters, rejected requests) and {@link GraphErrorReportValve}
 * (what Tomcat refuses before any servlet runs).
 */
public record GraphFailure(int status, String code, String message) {

    public static final String INTERNAL_ERROR = "Service_InternalServerError";
    static final int RETRY_AFTER_SECONDS = 5;

    /** The answer for an exception; an unknown one is a 500. */
    public static GraphFailure of(Throwable e) {
        if (e instanceof GraphException graph) {
            return new GraphFailure(graph.status().value(), graph.code(), graph.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return new GraphFailure(403, AccessDeniedException.CODE, AccessDeniedException.MESSAGE);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return new GraphFailure(400, "Request_BadRequest", unreadableBody(unreadable));
        }
        if (e instanceof MethodArgumentTypeMismatchException || e instanceof MissingServletRequestParameterException) {
            return new GraphFailure(400, "Request_BadRequest", e.getMessage());
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return new GraphFailure(415, "Request_UnsupportedMediaType", "Content-Type must be application/json.");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return forStatus(406);
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return new GraphFailure(405, "Request_BadRequest", "The HTTP method '" + method.getMethod()
                    + "' is not allowed here.");
        }
        if (e instanceof NoResourceFoundException noResource) {
            return new GraphFailure(404, "Request_ResourceNotFound", "Resource not found for the segment '"
                    + noResource.getResourcePath() + "'.");
        }
        if (e instanceof BadRequestException) {
            return new GraphFailure(400, "Request_BadRequest", "The request body could not be read: " + e.getMessage() + ".");
        }
        if (e instanceof EOFException) {
            return new GraphFailure(400, "Request_BadRequest", "The request body ended before its declared length.");
        }
        if (e instanceof InvalidParameterException) {
            return new GraphFailure(400, "Request_BadRequest",
                    "The query string is not valid: invalid percent-encoding or UTF-8, or too many parameters.");
        }
        if (e instanceof RequestRejectedException) {
            return new GraphFailure(400, "Request_BadRequest", "The request URL is not valid.");
        }
        if (e instanceof MultipartException) {
            return forStatus(415);
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return forStatus(response.getStatusCode().value());
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof BadRequestException || cause instanceof EOFException || cause instanceof InvalidParameterException
                    || cause instanceof GraphException) {
                return of(cause);
            }
        }
        if (Outages.isOutage(e)) {
            return new GraphFailure(503, "serviceNotAvailable",
                    "The service cannot reach its database or broker right now. Retry the request later.");
        }
        return forStatus(500);
    }

    /** The answer for a bare status (set by the container or a filter without an exception). */
    public static GraphFailure forStatus(int status) {
        return switch (status) {
            case 400 -> new GraphFailure(400, "Request_BadRequest", "The request is not valid.");
            case 401 -> new GraphFailure(401, "InvalidAuthenticationToken", "Access token is empty.");
            case 403 -> new GraphFailure(403, AccessDeniedException.CODE, AccessDeniedException.MESSAGE);
            case 404 -> new GraphFailure(404, "Request_ResourceNotFound", "The requested resource does not exist.");
            case 405 -> new GraphFailure(405, "Request_BadRequest", "The HTTP method is not allowed here.");
            case 406 -> new GraphFailure(406, "Request_NotAcceptable",
                    "The resource cannot be represented in a media type the Accept header allows; use application/json.");
            case 408 -> new GraphFailure(408, "Request_Timeout", "The request was not received in time.");
            case 411 -> new GraphFailure(411, "Request_BadRequest", "The request needs a Content-Length.");
            case 413 -> new GraphFailure(413, "Request_EntityTooLarge", "The request body is too large.");
            case 414 -> new GraphFailure(414, "Request_BadRequest", "The request URL is too long.");
            case 415 -> new GraphFailure(415, "Request_UnsupportedMediaType", "Content-Type must be application/json.");
            case 431 -> new GraphFailure(431, "Request_BadRequest", "The request headers are too large.");
            // Tomcat's answers to an unknown transfer coding (501) and HTTP version (505) are the caller's errors
            case 501 -> new GraphFailure(400, "Request_BadRequest", "The request's Transfer-Encoding is not supported.");
            case 505 -> new GraphFailure(400, "Request_BadRequest", "The request's HTTP version is not supported.");
            default -> status >= 400 && status < 500
                    ? new GraphFailure(status, "Request_BadRequest", "The request is not valid.")
                    : new GraphFailure(status >= 500 ? status : 500, INTERNAL_ERROR,
                            "The service could not complete the request. Quote the request-id when reporting it.");
        };
    }

    public HttpStatus httpStatus() {
        return HttpStatus.valueOf(status);
    }

    /**
     * Seconds a client should wait before retrying, sent as {@code Retry-After} as Graph does when it is unavailable
     * (503) or throttles (429), and as Graph SDKs' retry handlers expect; none for other failures.
     */
    public OptionalInt retryAfterSeconds() {
        return status == 503 || status == 429 ? OptionalInt.of(RETRY_AFTER_SECONDS) : OptionalInt.empty();
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Property '" + unknown.getPropertyName() + "' does not exist on this resource.";
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            return "The request body names a property more than once.";
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "The value of property '" + mismatched.getPath().get(mismatched.getPath().size() - 1).getPropertyName()
                    + "' has the wrong type.";
        }
        return "The request body is missing or is not valid JSON for this operation.";
    }
}
