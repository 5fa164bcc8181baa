package dev.steward.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of a controller becomes a Graph error body ({@link GraphFailure} says which); nothing escapes as a
 * bare 500. Ordered last, so a service's own advice for its domain exceptions is asked first. The body is always
 * {@code application/json}, whatever the request's {@code Accept} says.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class GraphErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorAdvice.class);

    private final GraphErrors errors;

    public GraphErrorAdvice(GraphErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failure(Exception e, HttpServletRequest request) {
        GraphFailure failure = GraphFailure.of(e);
        if (failure.status() == 503) {
            log.warn("{} {} answered 503, the database or broker is away: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
        } else if (failure.status() >= 500) {
            log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        return errors.response(request, failure);
    }
}
