package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryError;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphErrors;
import dev.steward.platform.web.GraphFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps directory error codes to HTTP statuses and Graph error bodies: the one place where a refused command becomes
 * an HTTP answer. Everything else (406, 415, unreadable bodies, ...) falls through to the platform's Graph error
 * advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DirectoryErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(DirectoryErrorAdvice.class);

    private final GraphErrors errors;

    public DirectoryErrorAdvice(GraphErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(DirectoryException.class)
    ResponseEntity<Map<String, Object>> directory(DirectoryException e, HttpServletRequest request) {
        return answer(request, e.toError());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, Object>> command(CommandExecutionException e, HttpServletRequest request) {
        return DirectoryError.of(e).map(error -> answer(request, error)).orElseGet(() -> {
            // an outage of the database is a 503 the caller may retry; anything else is a bug
            GraphFailure failure = GraphFailure.of(e);
            log.error("command failed for {} {}", request.getMethod(), request.getRequestURI(), e);
            return errors.response(request, failure);
        });
    }

    private ResponseEntity<Map<String, Object>> answer(HttpServletRequest request, DirectoryError error) {
        return ResponseEntity.status(error.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(errors.body(request, error.code().graphCode(), error.message()));
    }
}
