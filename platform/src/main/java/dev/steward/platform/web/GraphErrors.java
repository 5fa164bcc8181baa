package dev.steward.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}.
 */
public class GraphErrors {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    public GraphErrors(Clock clock) {
        this.clock = clock;
    }

    public Map<String, Object> body(HttpServletRequest request, String code, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", DATE.format(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        inner.put("request-id", RequestIdFilter.requestId(request));
        inner.put("client-request-id", RequestIdFilter.clientRequestId(request));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return Map.of("error", error);
    }

    /** Writes the body directly, for filters that answer before any controller (401, 403 from security). */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        RequestIdFilter.assignIds(request, response);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body(request, code, message)));
    }

    /**
     * Writes the body of {@code failure} directly, whatever the request's {@code Accept} header says, with its
     * {@code Retry-After}.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, GraphFailure failure) throws IOException {
        failure.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER,
                Integer.toString(seconds)));
        write(request, response, failure.status(), failure.code(), failure.message());
    }

    /** The answer of a controller's failure: status, {@code Retry-After} where it has one, Graph's error body. */
    public ResponseEntity<Map<String, Object>> response(HttpServletRequest request, GraphFailure failure) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status())
                .contentType(MediaType.APPLICATION_JSON);
        failure.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER,
                Integer.toString(seconds)));
        return answer.body(body(request, failure.code(), failure.message()));
    }
}
