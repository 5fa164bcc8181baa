package dev.steward.audit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A good event must not reach the dead-letter topic because the database was briefly away. The platform's error
 * handler retries twice and then dead-letters; for failures that say "the database is unavailable or busy" this
 * makes it retry without limit (0.5 s doubling up to 30 s), holding the partition so that order is kept and no
 * entry is lost. Malformed and unauditable records are still dead-lettered at once.
 */
@Component
class DatabaseOutageRetry implements InitializingBean {

    static final long INITIAL_INTERVAL_MS = 500;
    static final long MAX_INTERVAL_MS = 30_000;

    private final CommonErrorHandler errorHandler;

    DatabaseOutageRetry(CommonErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    @Override
    public void afterPropertiesSet() {
        if (errorHandler instanceof DefaultErrorHandler handler) {
            handler.setBackOffFunction(DatabaseOutageRetry::backOff);
        }
    }

    /** An unbounded back-off for database outages; null (the handler's default) for everything else. */
    static BackOff backOff(ConsumerRecord<?, ?> record, Exception exception) {
        return isDatabaseOutage(exception) ? untilTheDatabaseIsBack() : null;
    }

    static boolean isDatabaseOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL_MS, 2.0);
        backOff.setMaxInterval(MAX_INTERVAL_MS);
        return backOff;
    }
}
