package dev.steward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;
import org.springframework.transaction.CannotCreateTransactionException;

class OutagesTest {

    private static final String TOPIC = "steward.directory.events";

    @Test
    void theDatabaseAwayOrBusyIsAnOutage() {
        assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("refused"))).isTrue();
        assertThat(Outages.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Outages.isOutage(new PessimisticLockingFailureException("deadlock"))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("connection failure", "08006"))).isTrue();
    }

    @Test
    void theBrokerAwayOrRefusingThisServiceIsAnOutage() {
        assertThat(Outages.isOutage(sendFailed(new TimeoutException("Expiring 1 record(s)")))).isTrue();
        assertThat(Outages.isOutage(sendFailed(new NetworkException("disconnected")))).isTrue();
        assertThat(Outages.isOutage(sendFailed(new NotEnoughReplicasException("1 of 2")))).isTrue();
        assertThat(Outages.isOutage(sendFailed(new TopicAuthorizationException("no ACL")))).isTrue();
        assertThat(Outages.isOutage(new ContractPublisher.PublishFailedException(TOPIC,
                new java.util.concurrent.TimeoutException()))).isTrue();
    }

    @Test
    void aFailureOfTheMessageItselfIsNoOutage() {
        assertThat(Outages.isOutage(sendFailed(new UnknownServerException("the broker failed")))).isFalse();
        assertThat(Outages.isOutage(new ContractPublisher.PublishFailedException(TOPIC,
                new ExecutionException(new KafkaException("Send failed", new IllegalStateException("bad")))))).isFalse();
        assertThat(Outages.isOutage(new DataIntegrityViolationException("value too long"))).isFalse();
        assertThat(Outages.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(Outages.isOutage(new IllegalArgumentException("more than 1000 ids"))).isFalse();
    }

    /** What {@link ContractPublisher#await} throws for a send the producer failed with {@code cause}. */
    private static ContractPublisher.PublishFailedException sendFailed(Exception cause) {
        return new ContractPublisher.PublishFailedException(TOPIC,
                new ExecutionException(new KafkaException("Send failed", cause)));
    }
}
