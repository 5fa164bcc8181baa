package dev.steward.platform.kafka;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is an outage: something no message causes, which every message would meet alike and which ends
 * without the message changing, so the message is retried for as long as it lasts and never dead-lettered or parked
 * for it. Consumers ({@link OutageBackOff}) and publishers decide with this one test. Anywhere in the cause chain:
 * <ul>
 *   <li>the database away or busy: Spring's {@link DataAccessResourceFailureException} (e.g. no JDBC connection),
 *   {@link TransientDataAccessException}, {@link RecoverableDataAccessException},
 *   {@link CannotCreateTransactionException}; JDBC's {@link SQLTransientException} (e.g. Hikari's connection timeout),
 *   {@link SQLNonTransientConnectionException}, {@link SQLRecoverableException}, or SQL state class {@code 08}
 *   (connection) or {@code 57P} (server shutting down or starting);</li>
 *   <li>the broker away or not taking writes: Kafka's {@link RetriableException} (timeouts, network, not enough
 *   replicas, no leader), or no acknowledgement in time ({@link java.util.concurrent.TimeoutException});</li>
 *   <li>the broker refusing this service ({@link AuthenticationException}, {@link AuthorizationException}): until an
 *   operator fixes credentials or ACLs, every message fails alike;</li>
 *   <li>this process stopping (interrupted).</li>
 * </ul>
 * Anything else (a message the broker refuses, a record the code cannot map or read, a constraint violation) is the
 * message's own failure.
 */
public final class Outages {

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (databaseAway(cause) || brokerAway(cause) || cause instanceof InterruptedException
                    || cause instanceof InterruptException) {
                return true;
            }
        }
        return false;
    }

    private static boolean databaseAway(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }

    private static boolean brokerAway(Throwable cause) {
        return cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof AuthenticationException || cause instanceof AuthorizationException;
    }
}
