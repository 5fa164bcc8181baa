package dev.steward.platform.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.web.GraphException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private static final FilterSchema TARGET = FilterSchema.of("targetResources/any", Set.of(LogicalOperator.OR),
            List.of(FilterProperty.of("id", FilterType.STRING, FilterOperator.EQ),
                    FilterProperty.of("displayName", FilterType.STRING, FilterOperator.EQ, FilterOperator.STARTS_WITH)));
    private static final FilterSchema ENTRY = FilterSchema.of("entry", EnumSet.allOf(LogicalOperator.class), List.of(
            FilterProperty.of("name", FilterType.STRING, FilterOperator.EQ, FilterOperator.NE, FilterOperator.IN,
                    FilterOperator.STARTS_WITH),
            FilterProperty.of("note", FilterType.STRING, FilterOperator.EQ, FilterOperator.NE).orNull(),
            FilterProperty.of("size", FilterType.NUMBER, FilterOperator.GT, FilterOperator.LE).orNull(),
            FilterProperty.of("enabled", FilterType.BOOLEAN, FilterOperator.EQ).orNull(),
            FilterProperty.of("at", FilterType.DATE_TIME, FilterOperator.GE, FilterOperator.LT),
            FilterProperty.collection("targets", TARGET)));
    private static final SqlFilter SQL = SqlFilter.of(ENTRY)
            .column("name", "e.name").column("note", "e.note").column("size", "e.size")
            .column("enabled", "e.enabled").column("at", "e.at")
            .exists("targets", "SELECT 1 FROM target t WHERE t.entry_id = e.id",
                    SqlFilter.of(TARGET).column("id", "t.id").column("displayName", "t.display_name").build())
            .build();

    private static SqlCondition sql(String filter) {
        return SQL.condition(FilterParser.parse(filter, ENTRY));
    }

    @Test
    void translatesComparisonsToParameterisedSql() {
        SqlCondition condition = sql("name eq 'a' and size gt 5 and at ge 2026-01-01T02:00:00+02:00 and at lt '2026-02-01T00:00:00Z'");

        assertThat(condition.sql()).isEqualTo("e.name = ? AND e.size > ? AND e.at >= ? AND e.at < ?");
        assertThat(condition.parameters()).containsExactly("a", new BigDecimal("5"),
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void parenthesisesEveryOrSoTheConditionJoinsSafely() {
        SqlCondition condition = sql("name eq 'a' or name eq 'b' and enabled eq true");

        assertThat(condition.sql()).isEqualTo("(e.name = ? OR e.name = ? AND e.enabled = ?)");
        assertThat(condition.parameters()).containsExactly("a", "b", true);
    }

    @Test
    void translatesInStartsWithAndNull() {
        assertThat(sql("name in ('a', 'b', 'c')").sql()).isEqualTo("e.name IN (?, ?, ?)");
        assertThat(sql("startswith(name,'50%_off\\')").parameters()).containsExactly("50\\%\\_off\\\\%");
        assertThat(sql("startswith(name,'x')").sql()).isEqualTo("e.name LIKE ? ESCAPE '\\'");
        assertThat(sql("note eq null").sql()).isEqualTo("e.note IS NULL");
        assertThat(sql("note ne null").sql()).isEqualTo("e.note IS NOT NULL");
        assertThat(sql("not (note eq null)").sql()).isEqualTo("e.note IS NOT NULL");
    }

    @Test
    void pushesNotDownAndLetsNegatedConditionsHoldForNull() {
        assertThat(sql("not (name eq 'a' or note eq 'b')").sql()).isEqualTo("e.name <> ? AND (e.note <> ? OR e.note IS NULL)");
        assertThat(sql("not (name eq 'a' and not (size gt 3))").sql()).isEqualTo("(e.name <> ? OR e.size > ?)");
        assertThat(sql("note ne 'b'").sql()).isEqualTo("(e.note <> ? OR e.note IS NULL)");
        assertThat(sql("not (size gt 3)").sql()).isEqualTo("(NOT (e.size > ?) OR e.size IS NULL)");
        assertThat(sql("not (name in ('a'))").sql()).isEqualTo("e.name NOT IN (?)");
        assertThat(sql("not startswith(name,'a')").sql()).isEqualTo("e.name NOT LIKE ? ESCAPE '\\'");
    }

    @Test
    void translatesAnyToAnExistsSubquery() {
        SqlCondition condition = sql("targets/any(t: t/id eq 'g-1' or startswith(t/displayName,'Eng')) and "
                + "not targets/any(x: x/id eq 'g-2')");

        assertThat(condition.sql()).isEqualTo("EXISTS (SELECT 1 FROM target t WHERE t.entry_id = e.id AND "
                + "(t.id = ? OR t.display_name LIKE ? ESCAPE '\\')) AND "
                + "NOT EXISTS (SELECT 1 FROM target t WHERE t.entry_id = e.id AND t.id = ?)");
        assertThat(condition.parameters()).containsExactly("g-1", "Eng%", "g-2");
    }

    @Test
    void keepsInjectionAttemptsInParameters() {
        SqlCondition condition = sql("name eq 'x'' or 1=1 --' and note eq '''; DROP TABLE entry; --'");

        assertThat(condition.sql()).isEqualTo("e.name = ? AND e.note = ?");
        assertThat(condition.parameters()).containsExactly("x' or 1=1 --", "'; DROP TABLE entry; --");
    }

    @Test
    void matchesEveryRowWithoutAFilter() {
        assertThat(SQL.condition(null)).isEqualTo(SqlCondition.ALL);
        assertThat(SqlCondition.ALL.sql()).isEqualTo("1 = 1");
    }

    @Test
    void refusesWhatTheSchemaDoesNotListAsUnsupported() {
        for (String filter : List.of("other eq 'a'", "name gt 'a'", "startswith(note,'a')", "name eq null",
                "size ge 1", "size gt null", "targets/any(t: t/type eq 'Group')", "targets/any(t: startswith(t/id,'a'))",
                "targets/any(t: not (t/id eq 'a'))", "name in ('a', null)", "targets eq 'a'")) {
            assertThatThrownBy(() -> sql(filter)).as(filter).isInstanceOfSatisfying(GraphException.class, e -> {
                assertThat(e.status().value()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("Request_UnsupportedQuery");
            });
        }
        assertThatThrownBy(() -> sql("Other eq 'a'")).hasMessage(
                "Unsupported or invalid query filter clause specified for property 'Other' of resource 'entry'.");
        assertThatThrownBy(() -> sql("name gt 'a'")).hasMessage("Unsupported or invalid query filter clause specified "
                + "for property 'name' of resource 'entry': the operator 'gt' is not supported on it.");
    }

    @Test
    void refusesLiteralsOfTheWrongTypeAsBadRequest() {
        for (String filter : List.of("name eq 5", "name eq true", "enabled eq 'true'", "size gt '5'", "at ge 5",
                "at ge 'yesterday'", "startswith(name, 5)")) {
            assertThatThrownBy(() -> sql(filter)).as(filter).isInstanceOfSatisfying(GraphException.class, e -> {
                assertThat(e.code()).isEqualTo("Request_BadRequest");
                assertThat(e.getMessage()).startsWith("Invalid filter clause: expected ");
            });
        }
        assertThatThrownBy(() -> sql("name eq 5")).hasMessage(
                "Invalid filter clause: expected a quoted string such as 'value' for name at position 8, found 5.");
    }

    @Test
    void matchesPropertyNamesWithoutRegardToLetterCaseAndTakesGuidsAsText() {
        SqlCondition condition = sql("NAME eq 1B2C3D4E-0000-4000-8000-00000000ABCD");

        assertThat(condition.sql()).isEqualTo("e.name = ?");
        assertThat(condition.parameters()).containsExactly("1b2c3d4e-0000-4000-8000-00000000abcd");
    }

    @Test
    void refusesASchemaPropertyWithoutAColumn() {
        assertThatThrownBy(() -> SqlFilter.of(ENTRY).column("name", "e.name").build())
                .isInstanceOf(IllegalStateException.class);
    }
}
