package dev.steward.platform.outbox;

import java.time.Duration;

/**
 * The relay's settings ({@code steward.outbox.*}): rows read and sent per batch, how often the outbox is drained
 * besides right after a commit, how long sent rows are kept (for inspection) before they are deleted, and how long
 * the publishing instance's lease lasts without renewal (a standby takes over at most this long after it died).
 */
public record OutboxSettings(int batchSize, Duration pollInterval, Duration retention, Duration leaseDuration) {

    public OutboxSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("steward.outbox.batch-size must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("steward.outbox.poll-interval must be positive");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("steward.outbox.retention must not be negative");
        }
        if (leaseDuration.compareTo(pollInterval) <= 0) {
            throw new IllegalArgumentException("steward.outbox.lease-duration must be longer than the poll-interval "
                    + "(the lease is renewed at every poll)");
        }
    }
}
