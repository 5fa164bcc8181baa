package dev.steward.audit.directoryaudit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.odata.FilterParser;
import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.odata.SqlFilter;
import dev.steward.platform.web.GraphException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditFilterTest {

    private static final String TARGETS = "EXISTS (SELECT 1 FROM directory_audit_target t WHERE t.audit_id = a.id "
            + "AND t.activity_date_time = a.activity_date_time AND ";

    private static OffsetDateTime utc(int year, int month, int day, int hour, int minute, int nanos) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, nanos, ZoneOffset.UTC);
    }

    @Test
    void parsesEqualityOnActivityDisplayName() {
        SqlCondition filter = AuditFilter.parse("activityDisplayName eq 'Change Source of Authority from AD to cloud'");

        assertThat(filter.sql()).isEqualTo("a.activity_display_name = ?");
        assertThat(filter.parameters()).containsExactly("Change Source of Authority from AD to cloud");
    }

    @Test
    void parsesStartswithFunction() {
        SqlCondition filter = AuditFilter.parse("startswith(activityDisplayName,'Undo changes')");

        assertThat(filter.sql()).isEqualTo("a.activity_display_name LIKE ? ESCAPE '\\'");
        assertThat(filter.parameters()).containsExactly("Undo changes%");
    }

    @Test
    void parsesEveryEqualityField() {
        SqlCondition filter = AuditFilter.parse("category eq 'GroupManagement' and correlationId eq 'c-1' and "
                + "loggedByService eq 'Core Directory' and initiatedBy/user/id eq 'u-1' and "
                + "initiatedBy/user/userPrincipalName eq 'admin@corp.example.test' and initiatedBy/app/appId eq 'app-1'"
                + " and result eq 'success' and operationType eq 'Update'");

        assertThat(filter.sql()).isEqualTo("a.category = ? AND a.correlation_id = ? AND a.logged_by_service = ? AND "
                + "a.initiated_by_user_id = ? AND a.initiated_by_user_upn = ? AND a.initiated_by_app_id = ? AND "
                + "a.audit_result = ? AND a.operation_type = ?");
        assertThat(filter.parameters()).containsExactly("GroupManagement", "c-1", "Core Directory", "u-1",
                "admin@corp.example.test", "app-1", "success", "Update");
    }

    @Test
    void parsesDateRangeWithUnquotedInstants() {
        SqlCondition filter = AuditFilter.parse(
                "activityDateTime ge 2026-01-01T00:00:00Z and activityDateTime le 2026-01-02T01:30:00.250+01:00");

        assertThat(filter.sql()).isEqualTo("a.activity_date_time >= ? AND a.activity_date_time <= ?");
        assertThat(filter.parameters()).containsExactly(utc(2026, 1, 1, 0, 0, 0), utc(2026, 1, 2, 0, 30, 250_000_000));
    }

    @Test
    void acceptsQuotedInstantToo() {
        SqlCondition filter = AuditFilter.parse("activityDateTime gt '2026-01-01T00:00:00Z'");

        assertThat(filter.sql()).isEqualTo("a.activity_date_time > ?");
        assertThat(filter.parameters()).containsExactly(utc(2026, 1, 1, 0, 0, 0));
    }

    @Test
    void parsesTargetResourcesLambda() {
        SqlCondition filter = AuditFilter.parse("targetResources/any(t: t/id eq 'd7dc327c') and "
                + "targetResources/any(x:startswith(x/displayName,'Eng'))");

        assertThat(filter.sql()).isEqualTo(TARGETS + "t.target_id = ?) AND "
                + TARGETS + "t.display_name LIKE ? ESCAPE '\\')");
        assertThat(filter.parameters()).containsExactly("d7dc327c", "Eng%");
    }

    @Test
    void joinsTargetRowsByEntryIdAndEntryTimeSoThatTheirIndexesCanLeadThePage() {
        SqlCondition filter = AuditFilter.parse("targetResources/any(t: startswith(t/displayName,'Bench group 42'))");

        assertThat(filter.sql()).isEqualTo("EXISTS (SELECT 1 FROM directory_audit_target t WHERE t.audit_id = a.id "
                + "AND t.activity_date_time = a.activity_date_time AND t.display_name LIKE ? ESCAPE '\\')");
        assertThat(filter.parameters()).containsExactly("Bench group 42%");
    }

    @Test
    void parsesParenthesesAndKeywordsInAnyCase() {
        SqlCondition filter = AuditFilter.parse("(Category EQ 'GroupManagement') AND (startsWith(activityDisplayName, 'Add')"
                + " and ActivityDateTime LT 2026-01-01T00:00:00Z)");

        assertThat(filter.sql()).isEqualTo("a.category = ? AND a.activity_display_name LIKE ? ESCAPE '\\' AND "
                + "a.activity_date_time < ?");
    }

    @Test
    void unescapesDoubledQuotes() {
        SqlCondition filter = AuditFilter.parse("targetResources/any(t: t/displayName eq 'O''Brien''s group')");

        assertThat(filter.parameters()).containsExactly("O'Brien's group");
    }

    @Test
    void treatsSqlInjectionInsideStringAsLiteral() {
        SqlCondition sql = AuditFilter.parse("activityDisplayName eq 'x'' or 1=1 --'");

        assertThat(sql.sql()).isEqualTo("a.activity_display_name = ?");
        assertThat(sql.parameters()).containsExactly("x' or 1=1 --");
    }

    @Test
    void keepsStatementBreakersOutOfTheSql() {
        SqlCondition sql = AuditFilter.parse(
                "correlationId eq '''; DROP TABLE directory_audit; --' and startswith(activityDisplayName,'%_\\')");

        assertThat(sql.sql()).isEqualTo("a.correlation_id = ? AND a.activity_display_name LIKE ? ESCAPE '\\'");
        assertThat(sql.parameters()).containsExactly("'; DROP TABLE directory_audit; --", "\\%\\_\\\\%");
    }

    @Test
    void turnsConditionsIntoParameterisedSql() {
        SqlCondition sql = AuditFilter.parse("activityDateTime ge 2026-01-01T00:00:00+02:00 and "
                + "targetResources/any(t: t/id eq 'g-1') and startswith(initiatedBy/user/userPrincipalName,'adm')");

        assertThat(sql.sql()).isEqualTo("a.activity_date_time >= ? AND "
                + TARGETS + "t.target_id = ?) AND "
                + "a.initiated_by_user_upn LIKE ? ESCAPE '\\'");
        assertThat(sql.parameters()).containsExactly(utc(2025, 12, 31, 22, 0, 0), "g-1", "adm%");
    }

    @Test
    void escapesLikeWildcardsInPrefixes() {
        assertThat(SqlFilter.likePrefix("50%_off\\")).isEqualTo("50\\%\\_off\\\\%");
        assertThat(SqlFilter.likePrefix("")).isEqualTo("%");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "activityDisplayName eq 'x' or 1 eq 1",
            "activityDisplayName eq 'a' or activityDisplayName eq 'b'",
            "not (category eq 'GroupManagement')",
            "activityDisplayName ne 'Add group'",
            "contains(activityDisplayName,'group')",
            "endswith(activityDisplayName,'group')",
            "id eq '1'",
            "resultReason eq ''",
            "category ge 'A'",
            "activityDateTime ne 2026-01-01T00:00:00Z",
            "correlationId eq null",
            "targetResources/all(t: t/id eq 'x')",
            "targetResources/any(t: t/type eq 'Group')",
            "targetResources/any(t: t/id eq 'a' and t/id eq 'b')",
            "targetResources/any(t: startswith(t/id,'a'))",
            "startswith(category,'Group')",
            "initiatedBy/user/displayName eq 'Admin'",
            "activityDisplayName in ('a','b')"})
    void refusesUnsupportedFormsAsUnsupportedQuery(String expression) {
        assertThatThrownBy(() -> AuditFilter.parse(expression))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("Request_UnsupportedQuery");
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "activityDisplayName eq 'unterminated",
            "activityDisplayName eq",
            "activityDisplayName 'Add group'",
            "activityDisplayName eq Add",
            "activityDisplayName eq 5",
            "activityDisplayName = 'Add group'",
            "activityDisplayName eq 'a' and",
            "activityDisplayName eq 'a' category eq 'b'",
            "(activityDisplayName eq 'a'",
            "activityDisplayName eq 'a')",
            "activityDateTime ge yesterday",
            "activityDateTime ge 2026-13-01T00:00:00Z",
            "activityDateTime ge 2026-01-01",
            "activityDisplayName startswith 'Add'",
            "startswith(activityDisplayName 'Add')",
            "startswith(activityDisplayName,Add)",
            "targetResources/any(t: s/id eq 'x')",
            "targetResources/any(t t/id eq 'x')",
            "activityDisplayName eq 'a'; DROP TABLE directory_audit",
            "activityDisplayName eq \"Add group\""})
    void refusesMalformedFiltersAsBadRequest(String expression) {
        assertThatThrownBy(() -> AuditFilter.parse(expression))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).startsWith("Invalid filter clause");
                });
    }

    @Test
    void pointsAtTheOffendingPosition() {
        assertThatThrownBy(() -> AuditFilter.parse("category eq 'a' and category xx 'b'"))
                .hasMessage("Invalid filter clause: expected an operator (eq, ne, gt, ge, lt, le, in) at position 29, "
                        + "found 'xx'.");
    }

    @Test
    void refusesTooManyConditionsAndTooDeepNesting() {
        String many = "category eq 'a'" + " and category eq 'a'".repeat(FilterParser.MAX_CONDITIONS);
        String deep = "(".repeat(FilterParser.MAX_DEPTH + 1) + "category eq 'a'" + ")".repeat(FilterParser.MAX_DEPTH + 1);
        String longOne = "category eq '" + "a".repeat(FilterParser.MAX_LENGTH) + "'";

        for (String expression : new String[] {many, deep, longOne}) {
            assertThatThrownBy(() -> AuditFilter.parse(expression)).isInstanceOfSatisfying(GraphException.class,
                    e -> assertThat(e.code()).isEqualTo("BadRequest"));
        }
    }

    @Test
    void absentFilterMatchesEverything() {
        assertThat(AuditFilter.parse(null)).isEqualTo(SqlCondition.ALL);
        assertThat(SqlCondition.ALL.sql()).isEqualTo("1 = 1");
    }
}
