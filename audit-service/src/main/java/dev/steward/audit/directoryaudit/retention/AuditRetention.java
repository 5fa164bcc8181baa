package dev.steward.audit.directoryaudit.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes entries older than {@code steward.audit.retention} (by {@code activityDateTime}), in the background every
 * {@code steward.audit.retention-check-interval}, {@code steward.audit.retention-batch-size} entries per statement
 * (each its own transaction, so the projection and readers never wait on one long delete). Without a retention
 * every entry is kept. Target rows go with their entry ({@code ON DELETE CASCADE}).
 */
@Component
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public AuditRetention(JdbcTemplate jdbc, Clock clock,
                          @Value("${steward.audit.retention:#{null}}") Duration retention,
                          @Value("${steward.audit.retention-batch-size:5000}") int batchSize) {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("steward.audit.retention must be positive (e.g. 365d), or unset to "
                    + "keep every entry");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("steward.audit.retention-batch-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    /** Applies the retention now; nothing when none is configured. @return how many entries were deleted */
    @Scheduled(initialDelayString = "${steward.audit.retention-check-interval:1h}",
            fixedDelayString = "${steward.audit.retention-check-interval:1h}")
    public long enforce() {
        if (retention == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        long deleted = deleteOlderThan(cutoff);
        if (deleted > 0) {
            log.info("Retention {}: deleted {} audit entries from before {}", retention, deleted, cutoff);
        }
        return deleted;
    }

    /** Deletes every entry whose {@code activityDateTime} is before {@code cutoff}, a batch at a time. */
    public long deleteOlderThan(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM directory_audit WHERE id IN (SELECT id FROM directory_audit "
                    + "WHERE activity_date_time < ? ORDER BY activity_date_time LIMIT ?)",
                    cutoff.atOffset(ZoneOffset.UTC), batchSize);
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
