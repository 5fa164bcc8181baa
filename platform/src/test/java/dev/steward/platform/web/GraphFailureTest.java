package dev.steward.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class GraphFailureTest {

    @Test
    void answersADatabaseOutageWith503ServiceNotAvailableNot500() {
        GraphFailure lostConnection = GraphFailure.of(new IllegalStateException("command failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(lostConnection.status()).isEqualTo(503);
        assertThat(lostConnection.code()).isEqualTo("serviceNotAvailable");
        assertThat(GraphFailure.of(new CannotCreateTransactionException("no connection")).status()).isEqualTo(503);
        assertThat(GraphFailure.of(new DataAccessResourceFailureException("down")).status()).isEqualTo(503);
    }

    @Test
    void asksToRetryAfterAnOutageOrThrottlingOnly() {
        assertThat(GraphFailure.forStatus(503).retryAfterSeconds()).hasValue(5);
        assertThat(GraphFailure.forStatus(429).retryAfterSeconds()).hasValue(5);
        assertThat(GraphFailure.forStatus(500).retryAfterSeconds()).isEmpty();
        assertThat(GraphFailure.forStatus(400).retryAfterSeconds()).isEmpty();
    }

    @Test
    void keepsA500ForWhatIsNotAnOutage() {
        GraphFailure bug = GraphFailure.of(new IllegalStateException("a bug", new SQLException("syntax", "42601")));
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.code()).isEqualTo(GraphFailure.INTERNAL_ERROR);
    }
}
