package dev.steward.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Graph's error answers, as controllers, filters and the container send them. */
class GraphErrorsTest {

    private final GraphErrors errors = new GraphErrors(Clock.systemUTC());
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/groups");

    /** Graph answers an outage with 503 and Retry-After; the SDKs' retry handlers wait that long and try again. */
    @Test
    void aControllerMeetingADatabaseOutageAnswers503WithRetryAfter() {
        ResponseEntity<Map<String, Object>> answer = new GraphErrorAdvice(errors).failure(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody()).extractingByKey("error").asString().contains("serviceNotAvailable");
    }

    @Test
    void aBugAnswers500WithoutRetryAfter() {
        ResponseEntity<Map<String, Object>> answer = new GraphErrorAdvice(errors).failure(
                new IllegalStateException("bug"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void anAnswerWrittenByAFilterOrTheContainerCarriesRetryAfterToo() throws Exception {
        MockHttpServletResponse throttled = new MockHttpServletResponse();
        errors.write(request, throttled, GraphFailure.forStatus(503));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        errors.write(request, refused, GraphFailure.forStatus(401));

        assertThat(throttled.getStatus()).isEqualTo(503);
        assertThat(throttled.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
