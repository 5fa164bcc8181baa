package dev.steward.sync.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.web.GraphException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningLogFilterTest {

    @Test
    void readsEveryClauseJoinedByAnd() {
        SqlCondition filter = ProvisioningLogFilter.parse("action eq 'Skip' and cycleId eq 'c1' AND "
                + "sourceIdentity/id eq 's1' and targetIdentity/id eq 't1' and activityDateTime ge 2026-01-01T00:00:00Z "
                + "and activityDateTime le '2026-02-01T00:00:00Z'");

        assertThat(filter.sql()).isEqualTo("log_action = ? AND cycle_id = ? AND source_id = ? AND target_id = ? AND "
                + "activity_at >= ? AND activity_at <= ?");
        assertThat(filter.parameters()).containsExactly("Skip", "c1", "s1", "t1",
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void quotedTextMayHoldQuotesAndTheWordAnd() {
        assertThat(ProvisioningLogFilter.parse("cycleId eq 'rock and roll''s'").parameters())
                .containsExactly("rock and roll's");
    }

    @Test
    void readsA700CharacterLiteralWithoutOverflowingTheStack() {
        String id = "ab''".repeat(175);

        SqlCondition filter = ProvisioningLogFilter.parse("targetIdentity/id eq '" + id + "'");

        assertThat(filter.parameters()).containsExactly(id.replace("''", "'"));
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(ProvisioningLogFilter.parse(null)).isEqualTo(SqlCondition.ALL);
        assertThat(ProvisioningLogFilter.parse("  ")).isEqualTo(SqlCondition.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"action ne 'Skip'", "displayName eq 'x'", "action eq 'Skip' or cycleId eq 'c'",
            "not (action eq 'Skip')", "cycleId ge 'c'", "activityDateTime eq 2026-01-01T00:00:00Z",
            "action in ('Skip','Add')", "startswith(action,'S')"})
    void refusesWhatItDoesNotSupportAsUnsupportedQuery(String filter) {
        assertThatThrownBy(() -> ProvisioningLogFilter.parse(filter)).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("Request_UnsupportedQuery"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"action eq Skip", "activityDateTime ge 'yesterday'", "action eq", "action eq 'open",
            "(action eq 'Skip'"})
    void refusesMalformedFiltersAsBadRequest(String filter) {
        assertThatThrownBy(() -> ProvisioningLogFilter.parse(filter)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.code()).isEqualTo("Request_BadRequest");
            assertThat(e.getMessage()).startsWith("Invalid filter clause: ");
        });
    }
}
