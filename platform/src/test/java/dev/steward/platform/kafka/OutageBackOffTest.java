package dev.steward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class OutageBackOffTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("steward.directory.events", 0, 0,
            "k", "v");

    @Test
    void retriesWhileTheDatabaseOrBrokerIsAwayWithoutLimit() {
        for (Exception outage : new Exception[] {
                new ListenerExecutionFailedException("failed", new CannotGetJdbcConnectionException("refused")),
                new CannotCreateTransactionException("no connection"),
                new QueryTimeoutException("busy"),
                new ContractPublisher.PublishFailedException("steward.directory.events", new java.util.concurrent.TimeoutException())}) {
            BackOff backOff = OutageBackOff.forFailure(RECORD, outage);

            assertThat(backOff).as(outage.toString()).isNotNull();
            BackOffExecution execution = backOff.start();
            long last = 0;
            for (int attempt = 0; attempt < 1_000; attempt++) {
                last = execution.nextBackOff();
                assertThat(last).isNotEqualTo(BackOffExecution.STOP);
            }
            assertThat(last).isEqualTo(OutageBackOff.MAX_INTERVAL_MS);
        }
    }

    @Test
    void leavesBadRecordsAndBadDataToTheDefaultHandling() {
        assertThat(OutageBackOff.forFailure(RECORD, new ListenerExecutionFailedException("failed",
                new IllegalStateException("no such group")))).isNull();
        assertThat(OutageBackOff.forFailure(RECORD, new DataIntegrityViolationException("value too long"))).isNull();
    }
}
