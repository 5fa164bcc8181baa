package dev.steward.sync.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningLogFilterTest {

    @Test
    void readsEveryClauseJoinedByAnd() {
        ProvisioningLogFilter filter = ProvisioningLogFilter.parse("action eq 'Skip' and cycleId eq 'c1' AND "
                + "sourceIdentity/id eq 's1' and targetIdentity/id eq 't1' and activityDateTime ge 2026-01-01T00:00:00Z "
                + "and activityDateTime le '2026-02-01T00:00:00Z'");

        assertThat(filter).isEqualTo(new ProvisioningLogFilter("Skip", "c1", "s1", "t1",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void quotedTextMayHoldQuotesAndTheWordAnd() {
        assertThat(ProvisioningLogFilter.parse("cycleId eq 'rock and roll''s'").cycleId()).isEqualTo("rock and roll's");
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(ProvisioningLogFilter.parse(null)).isEqualTo(ProvisioningLogFilter.NONE);
        assertThat(ProvisioningLogFilter.parse("  ")).isEqualTo(ProvisioningLogFilter.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"action eq Skip", "action ne 'Skip'", "displayName eq 'x'", "action eq 'Skip' or cycleId eq 'c'",
            "activityDateTime ge 'yesterday'", "cycleId ge 'c'", "action eq"})
    void refusesWhatItDoesNotSupport(String filter) {
        assertThatIllegalArgumentException().isThrownBy(() -> ProvisioningLogFilter.parse(filter));
    }
}
