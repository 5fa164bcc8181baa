package dev.steward.audit.directoryaudit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.audit.directoryaudit.query.AuditFilter.FieldCondition;
import dev.steward.audit.directoryaudit.query.AuditFilter.TargetCondition;
import dev.steward.platform.web.GraphException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @Test
    void parsesEqualityOnActivityDisplayName() {
        AuditFilter filter = FilterParser.parse("activityDisplayName eq 'Change Source of Authority from AD to cloud'");

        assertThat(filter.conditions()).containsExactly(new FieldCondition(FilterField.ACTIVITY_DISPLAY_NAME,
                FilterOperator.EQ, "Change Source of Authority from AD to cloud"));
    }

    @Test
    void parsesStartswithFunction() {
        AuditFilter filter = FilterParser.parse("startswith(activityDisplayName,'Undo changes')");

        assertThat(filter.conditions()).containsExactly(new FieldCondition(FilterField.ACTIVITY_DISPLAY_NAME,
                FilterOperator.STARTS_WITH, "Undo changes"));
    }

    @Test
    void parsesEveryEqualityField() {
        AuditFilter filter = FilterParser.parse("category eq 'GroupManagement' and correlationId eq 'c-1' and "
                + "loggedByService eq 'Core Directory' and initiatedBy/user/id eq 'u-1' and "
                + "initiatedBy/user/userPrincipalName eq 'admin@corp.example.test' and initiatedBy/app/appId eq 'app-1'"
                + " and result eq 'success' and operationType eq 'Update'");

        assertThat(filter.conditions()).containsExactly(
                new FieldCondition(FilterField.CATEGORY, FilterOperator.EQ, "GroupManagement"),
                new FieldCondition(FilterField.CORRELATION_ID, FilterOperator.EQ, "c-1"),
                new FieldCondition(FilterField.LOGGED_BY_SERVICE, FilterOperator.EQ, "Core Directory"),
                new FieldCondition(FilterField.INITIATED_BY_USER_ID, FilterOperator.EQ, "u-1"),
                new FieldCondition(FilterField.INITIATED_BY_USER_PRINCIPAL_NAME, FilterOperator.EQ,
                        "admin@corp.example.test"),
                new FieldCondition(FilterField.INITIATED_BY_APP_ID, FilterOperator.EQ, "app-1"),
                new FieldCondition(FilterField.RESULT, FilterOperator.EQ, "success"),
                new FieldCondition(FilterField.OPERATION_TYPE, FilterOperator.EQ, "Update"));
    }

    @Test
    void parsesDateRangeWithUnquotedInstants() {
        AuditFilter filter = FilterParser.parse(
                "activityDateTime ge 2026-01-01T00:00:00Z and activityDateTime le 2026-01-02T01:30:00.250+01:00");

        assertThat(filter.conditions()).containsExactly(
                new FieldCondition(FilterField.ACTIVITY_DATE_TIME, FilterOperator.GE, Instant.parse("2026-01-01T00:00:00Z")),
                new FieldCondition(FilterField.ACTIVITY_DATE_TIME, FilterOperator.LE,
                        Instant.parse("2026-01-02T00:30:00.250Z")));
    }

    @Test
    void acceptsQuotedInstantToo() {
        AuditFilter filter = FilterParser.parse("activityDateTime gt '2026-01-01T00:00:00Z'");

        assertThat(filter.conditions()).containsExactly(new FieldCondition(FilterField.ACTIVITY_DATE_TIME,
                FilterOperator.GT, Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void parsesTargetResourcesLambda() {
        AuditFilter filter = FilterParser.parse("targetResources/any(t: t/id eq 'd7dc327c') and "
                + "targetResources/any(x:startswith(x/displayName,'Eng'))");

        assertThat(filter.conditions()).containsExactly(
                new TargetCondition(FilterField.Target.ID, FilterOperator.EQ, "d7dc327c"),
                new TargetCondition(FilterField.Target.DISPLAY_NAME, FilterOperator.STARTS_WITH, "Eng"));
    }

    @Test
    void parsesParenthesesAndKeywordsInAnyCase() {
        AuditFilter filter = FilterParser.parse("(Category EQ 'GroupManagement') AND (startsWith(activityDisplayName, 'Add')"
                + " and ActivityDateTime LT 2026-01-01T00:00:00Z)");

        assertThat(filter.conditions()).extracting(c -> ((FieldCondition) c).field()).containsExactly(
                FilterField.CATEGORY, FilterField.ACTIVITY_DISPLAY_NAME, FilterField.ACTIVITY_DATE_TIME);
    }

    @Test
    void unescapesDoubledQuotes() {
        AuditFilter filter = FilterParser.parse("targetResources/any(t: t/displayName eq 'O''Brien''s group')");

        assertThat(filter.conditions()).containsExactly(
                new TargetCondition(FilterField.Target.DISPLAY_NAME, FilterOperator.EQ, "O'Brien's group"));
    }

    @Test
    void treatsSqlInjectionInsideStringAsLiteral() {
        AuditFilter filter = FilterParser.parse("activityDisplayName eq 'x'' or 1=1 --'");

        assertThat(filter.conditions()).containsExactly(new FieldCondition(FilterField.ACTIVITY_DISPLAY_NAME,
                FilterOperator.EQ, "x' or 1=1 --"));
        SqlCondition sql = SqlCondition.of(filter);
        assertThat(sql.sql()).isEqualTo("a.activity_display_name = ?");
        assertThat(sql.parameters()).containsExactly("x' or 1=1 --");
    }

    @Test
    void keepsStatementBreakersOutOfTheSql() {
        AuditFilter filter = FilterParser.parse(
                "correlationId eq '''; DROP TABLE directory_audit; --' and startswith(activityDisplayName,'%_\\')");

        SqlCondition sql = SqlCondition.of(filter);

        assertThat(sql.sql()).isEqualTo("a.correlation_id = ? AND a.activity_display_name LIKE ? ESCAPE '\\'");
        assertThat(sql.parameters()).containsExactly("'; DROP TABLE directory_audit; --", "\\%\\_\\\\%");
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
        assertThatThrownBy(() -> FilterParser.parse(expression))
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
        assertThatThrownBy(() -> FilterParser.parse(expression))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).startsWith("Invalid filter clause");
                });
    }

    @Test
    void pointsAtTheOffendingPosition() {
        assertThatThrownBy(() -> FilterParser.parse("category eq 'a' and category xx 'b'"))
                .hasMessage("Invalid filter clause: expected an operator (eq, ge, le, gt, lt) at position 29, "
                        + "found 'xx'.");
    }

    @Test
    void refusesTooManyConditionsAndTooDeepNesting() {
        String many = "category eq 'a'" + " and category eq 'a'".repeat(FilterParser.MAX_CONDITIONS);
        String deep = "(".repeat(FilterParser.MAX_NESTING + 1) + "category eq 'a'" + ")".repeat(FilterParser.MAX_NESTING + 1);
        String longOne = "category eq '" + "a".repeat(FilterParser.MAX_LENGTH) + "'";

        for (String expression : new String[] {many, deep, longOne}) {
            assertThatThrownBy(() -> FilterParser.parse(expression)).isInstanceOfSatisfying(GraphException.class,
                    e -> assertThat(e.code()).isEqualTo("BadRequest"));
        }
    }

    @Test
    void absentFilterMatchesEverything() {
        assertThat(FilterParser.parse(null)).isEqualTo(AuditFilter.ALL);
        assertThat(SqlCondition.of(AuditFilter.ALL).sql()).isEqualTo("1 = 1");
    }
}
