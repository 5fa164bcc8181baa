package dev.steward.audit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.directoryaudit.projection.NotAuditableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class DatabaseOutageRetryTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("steward.directory.events", 0, 0,
            "k", "v");

    @Test
    void retriesWhileTheDatabaseIsAwayWithoutLimit() {
        for (Exception outage : new Exception[] {
                new ListenerExecutionFailedException("failed", new CannotGetJdbcConnectionException("refused")),
                new CannotCreateTransactionException("no connection"),
                new QueryTimeoutException("busy")}) {
            BackOff backOff = DatabaseOutageRetry.backOff(RECORD, outage);

            assertThat(backOff).as(outage.toString()).isNotNull();
            BackOffExecution execution = backOff.start();
            long last = 0;
            for (int attempt = 0; attempt < 1_000; attempt++) {
                last = execution.nextBackOff();
                assertThat(last).isNotEqualTo(BackOffExecution.STOP);
            }
            assertThat(last).isEqualTo(DatabaseOutageRetry.MAX_INTERVAL_MS);
        }
    }

    @Test
    void leavesBadRecordsAndBadDataToTheDefaultHandling() {
        assertThat(DatabaseOutageRetry.backOff(RECORD, new ListenerExecutionFailedException("failed",
                new NotAuditableException("no audit activity")))).isNull();
        assertThat(DatabaseOutageRetry.backOff(RECORD, new DataIntegrityViolationException("value too long"))).isNull();
    }
}
