package dev.steward.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A good record must not reach a dead-letter topic because the database or the broker was briefly away. For an
 * outage ({@link Outages}), consumers retry without limit (0.5 s doubling up to 30 s), holding the partition so order
 * is kept and nothing is lost; every other failure gets the handler's short default before dead-lettering.
 */
final class OutageBackOff {

    static final long INITIAL_INTERVAL_MS = 500;
    static final long MAX_INTERVAL_MS = 30_000;

    private OutageBackOff() {
    }

    /** An unbounded back-off for outages; null (the handler's default) for everything else. */
    static BackOff forFailure(ConsumerRecord<?, ?> record, Exception exception) {
        return Outages.isOutage(exception) ? untilItIsBack() : null;
    }

    private static BackOff untilItIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL_MS, 2.0);
        backOff.setMaxInterval(MAX_INTERVAL_MS);
        return backOff;
    }
}
