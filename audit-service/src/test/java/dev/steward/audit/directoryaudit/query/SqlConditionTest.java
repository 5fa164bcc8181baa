package dev.steward.audit.directoryaudit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlConditionTest {

    @Test
    void turnsConditionsIntoParameterisedSql() {
        SqlCondition sql = SqlCondition.of(FilterParser.parse("activityDateTime ge 2026-01-01T00:00:00+02:00 and "
                + "targetResources/any(t: t/id eq 'g-1') and startswith(initiatedBy/user/userPrincipalName,'adm')"));

        assertThat(sql.sql()).isEqualTo("a.activity_date_time >= ? AND "
                + "EXISTS (SELECT 1 FROM directory_audit_target t WHERE t.audit_id = a.id AND t.target_id = ?) AND "
                + "a.initiated_by_user_upn LIKE ? ESCAPE '\\'");
        assertThat(sql.parameters()).containsExactly(
                OffsetDateTime.of(2025, 12, 31, 22, 0, 0, 0, ZoneOffset.UTC), "g-1", "adm%");
    }

    @Test
    void escapesLikeWildcardsInPrefixes() {
        assertThat(SqlCondition.likePrefix("50%_off\\")).isEqualTo("50\\%\\_off\\\\%");
        assertThat(SqlCondition.likePrefix("")).isEqualTo("%");
    }
}
