package dev.steward.selfservice.membership.web;

import dev.steward.platform.web.GraphErrors;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refusal reasons to HTTP statuses and Graph error bodies. Ordered before the platform's advice, whose
 * catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MembershipRefusalAdvice {

    private final GraphErrors errors;

    MembershipRefusalAdvice(GraphErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(MembershipRequestRefused.class)
    ResponseEntity<Map<String, Object>> refused(MembershipRequestRefused e, HttpServletRequest request) {
        return ResponseEntity.status(e.reason().status()).contentType(MediaType.APPLICATION_JSON)
                .body(errors.body(request, e.reason().graphCode(), e.getMessage()));
    }
}
