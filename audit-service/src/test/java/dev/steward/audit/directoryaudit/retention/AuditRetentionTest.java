package dev.steward.audit.directoryaudit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditRetentionTest {

    /** A template without a data source: any statement would fail. */
    private final JdbcTemplate noDatabase = new JdbcTemplate();

    @Test
    void keepsEveryEntryWhenNoRetentionIsConfigured() {
        assertThat(new AuditRetention(noDatabase, Clock.systemUTC(), null, 5000).enforce()).isZero();
    }

    @Test
    void refusesToStartWithAZeroOrNegativeRetentionOrBatchSize() {
        assertThatThrownBy(() -> new AuditRetention(noDatabase, Clock.systemUTC(), Duration.ZERO, 5000))
                .hasMessageContaining("steward.audit.retention must be positive");
        assertThatThrownBy(() -> new AuditRetention(noDatabase, Clock.systemUTC(), Duration.ofDays(-1), 5000))
                .hasMessageContaining("steward.audit.retention must be positive");
        assertThatThrownBy(() -> new AuditRetention(noDatabase, Clock.systemUTC(), Duration.ofDays(30), 0))
                .hasMessageContaining("steward.audit.retention-batch-size must be at least 1");
    }
}
