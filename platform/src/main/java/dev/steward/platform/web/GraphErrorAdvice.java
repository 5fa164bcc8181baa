package dev.steward.platform.web;

import dev.steward.platform.security.AccessDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of a controller becomes a Graph error body; nothing escapes as a bare 500. Ordered last, so a
 * service's own advice for its domain exceptions is asked first.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class GraphErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorAdvice.class);

    private final GraphErrors errors;

    public GraphErrorAdvice(GraphErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(GraphException.class)
    ResponseEntity<Map<String, Object>> graph(GraphException e, HttpServletRequest request) {
        return answer(request, e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, AccessDeniedException.CODE, AccessDeniedException.MESSAGE);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "Request_BadRequest",
                "The request body is missing or is not valid JSON for this operation.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "Request_BadRequest", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Request_UnsupportedMediaType",
                "Content-Type must be application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "Request_BadRequest",
                "The HTTP method '" + e.getMethod() + "' is not allowed here.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "Request_ResourceNotFound",
                "Resource not found for the segment '" + e.getResourcePath() + "'.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "Service_InternalServerError",
                "The service could not complete the request. Quote the request-id when reporting it.");
    }

    private ResponseEntity<Map<String, Object>> answer(HttpServletRequest request, HttpStatus status, String code,
                                                       String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(errors.body(request, code, message));
    }
}
