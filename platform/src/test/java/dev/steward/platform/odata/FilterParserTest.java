package dev.steward.platform.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.odata.FilterExpression.Any;
import dev.steward.platform.odata.FilterExpression.Comparison;
import dev.steward.platform.odata.FilterExpression.In;
import dev.steward.platform.odata.FilterExpression.Or;
import dev.steward.platform.odata.FilterExpression.StartsWith;
import dev.steward.platform.web.GraphException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static String tree(String filter) {
        return FilterParser.parse(filter).text();
    }

    @Test
    void readsEveryComparisonOperator() {
        for (String operator : List.of("eq", "ne", "gt", "ge", "lt", "le")) {
            FilterExpression expression = FilterParser.parse("size " + operator + " 5");

            assertThat(expression).isInstanceOfSatisfying(Comparison.class, c -> {
                assertThat(c.property().name()).isEqualTo("size");
                assertThat(c.operator().odataName()).isEqualTo(operator);
                assertThat(c.value().value()).isEqualTo(new BigDecimal("5"));
            });
        }
    }

    @Test
    void readsKeywordsOperatorsAndFunctionsInAnyLetterCase() {
        assertThat(tree("NOT (a EQ 'x') AND StartsWith(b,'y') Or c In ('z')"))
                .isEqualTo("((not (a eq 'x') and startswith(b,'y')) or c in ('z'))");
    }

    @Test
    void bindsNotTighterThanAndAndAndTighterThanOr() {
        assertThat(tree("a eq 1 or b eq 2 and c eq 3")).isEqualTo("(a eq 1 or (b eq 2 and c eq 3))");
        assertThat(tree("a eq 1 and b eq 2 or c eq 3")).isEqualTo("((a eq 1 and b eq 2) or c eq 3)");
        assertThat(tree("not a eq 1 and b eq 2")).isEqualTo("(not (a eq 1) and b eq 2)");
        assertThat(tree("not a eq 1 or not b eq 2 and c eq 3"))
                .isEqualTo("(not (a eq 1) or (not (b eq 2) and c eq 3))");
        assertThat(tree("not not a eq 1")).isEqualTo("not (not (a eq 1))");
    }

    @Test
    void letsParenthesesOverridePrecedence() {
        assertThat(tree("(a eq 1 or b eq 2) and c eq 3")).isEqualTo("((a eq 1 or b eq 2) and c eq 3)");
        assertThat(tree("not (a eq 1 or b eq 2)")).isEqualTo("not (a eq 1 or b eq 2)");
        assertThat(tree("((((a eq 1))))")).isEqualTo("a eq 1");
    }

    @Test
    void keepsChainsOfOneConnectiveFlat() {
        FilterExpression expression = FilterParser.parse("a eq 1 or b eq 2 or (c eq 3 or d eq 4)");

        assertThat(expression).isInstanceOfSatisfying(Or.class, or -> assertThat(or.operands()).hasSize(4));
    }

    @Test
    void unescapesDoubledQuotesAndKeepsEverythingInAStringAsData() {
        FilterExpression expression = FilterParser.parse("displayName eq 'O''Brien''s ) or (x eq ''y'''");

        assertThat(expression).isInstanceOfSatisfying(Comparison.class,
                c -> assertThat(c.value().value()).isEqualTo("O'Brien's ) or (x eq 'y'"));
        assertThat(FilterParser.parse("a eq ''")).isInstanceOfSatisfying(Comparison.class,
                c -> assertThat(c.value().value()).isEqualTo(""));
    }

    @Test
    void readsEveryKindOfLiteral() {
        UUID id = UUID.fromString("1b2c3d4e-0000-4000-8000-00000000abcd");
        List<Object> values = ((In) FilterParser.parse("p in ('text', -1.5, 42, 1e3, true, FALSE, null, "
                + "1b2c3d4e-0000-4000-8000-00000000abcd, 2026-01-02T01:30:00.250+01:00, 2026-01-01T00:00:00Z)"))
                .values().stream().map(Literal::value).toList();

        assertThat(values).containsExactly("text", new BigDecimal("-1.5"), new BigDecimal("42"), new BigDecimal("1e3"),
                true, false, null, id, OffsetDateTime.parse("2026-01-02T01:30:00.250+01:00"),
                OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void readsGuidsStartingWithLettersAsGuids() {
        assertThat(FilterParser.parse("id eq deadbeef-0000-4000-8000-00000000abcd"))
                .isInstanceOfSatisfying(Comparison.class, c -> assertThat(c.value().type()).isEqualTo(Literal.Type.GUID));
    }

    @Test
    void readsStartsWithAsAFunctionCall() {
        assertThat(FilterParser.parse("startswith( initiatedBy/user/userPrincipalName , 'adm' )"))
                .isInstanceOfSatisfying(StartsWith.class, s -> {
                    assertThat(s.property().name()).isEqualTo("initiatedBy/user/userPrincipalName");
                    assertThat(s.prefix().value()).isEqualTo("adm");
                });
    }

    @Test
    void readsAnyLambdaOverObjectsWithPathsRelativeToTheElement() {
        FilterExpression expression = FilterParser.parse("targetResources/any(t: t/id eq 'g-1' or startswith(t/displayName,'E'))");

        assertThat(expression).isInstanceOfSatisfying(Any.class, any -> {
            assertThat(any.collection().name()).isEqualTo("targetResources");
            assertThat(any.variable()).isEqualTo("t");
            assertThat(any.condition().text()).isEqualTo("(t/id eq 'g-1' or startswith(t/displayName,'E'))");
            Or or = (Or) any.condition();
            assertThat(((Comparison) or.operands().get(0)).property().name()).isEqualTo("id");
        });
    }

    @Test
    void readsAnyLambdaOverPrimitivesWithTheElementItself() {
        FilterExpression expression = FilterParser.parse("not groupTypes/any(c:c eq 'Unified') and mailEnabled eq true");

        assertThat(expression.text()).isEqualTo("(not (groupTypes/any(c: c eq 'Unified')) and mailEnabled eq true)");
        Any any = (Any) ((FilterExpression.Not) ((FilterExpression.And) expression).operands().get(0)).operand();
        assertThat(((Comparison) any.condition()).property().name()).isEqualTo(PropertyPath.ELEMENT);
    }

    @Test
    void readsNestedLambdas() {
        assertThat(tree("a/any(x: x/b/any(y: y/c eq 1))")).isEqualTo("a/any(x: x/b/any(y: y/c eq 1))");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "displayName eq                     | expected a value such as 'text', 42, true, false, null, a GUID or a date-time at position 14, found the end of the expression.",
            "displayName 'x'                    | expected an operator (eq, ne, gt, ge, lt, le, in) at position 12, found the string 'x'.",
            "displayName eq x                   | expected a value such as 'text', 42, true, false, null, a GUID or a date-time at position 15, found 'x'.",
            "a eq 1 b eq 2                      | expected 'and', 'or' or the end of the expression at position 7, found 'b'.",
            "a eq 1 and                         | expected a property, a function, 'not' or '(' at position 10, found the end of the expression.",
            "(a eq 1                            | expected 'and', 'or' or ')' at position 7, found the end of the expression.",
            "a eq 1)                            | expected 'and', 'or' or the end of the expression at position 6, found ')'.",
            "()                                 | expected a property, a function, 'not' or '(' at position 1, found ')'.",
            "a eq 'open                         | the string starting at position 5 is not closed; write a quote inside a string as ''.",
            "a = 'x'                            | unexpected character '=' at position 2.",
            "a eq 'x'; drop table t             | unexpected character ';' at position 8.",
            "a eq \"x\"                         | unexpected character '\"' at position 5.",
            "a ge 2026-01-01                    | '2026-01-01' at position 5 is not a number or a date-time with an offset, e.g. 2026-01-01T00:00:00Z.",
            "a ge 2026-13-01T00:00:00Z          | '2026-13-01T00:00:00Z' at position 5 is not a number or a date-time with an offset, e.g. 2026-01-01T00:00:00Z.",
            "startswith(a 'x')                  | expected ',' at position 13, found the string 'x'.",
            "startswith(a,x)                    | expected a value such as 'text', 42, true, false, null, a GUID or a date-time at position 13, found 'x'.",
            "t/any(t t/id eq 1)                 | expected ':' at position 8, found 't'.",
            "t/any(t: s/id eq 1)                | expected a property of the lambda variable 't' at position 9, found 's'.",
            "t/any(t:)                          | expected a property, a function, 'not' or '(' at position 8, found ')'.",
            "a in ('x' 'y')                     | expected ',' or ')' at position 10, found the string 'y'.",
            "true eq a                          | expected a property, a function, 'not' or '(' at position 0, found 'true'.",
            "a eq 1 and or b eq 2               | expected a property, a function, 'not' or '(' at position 11, found 'or'."})
    void refusesMalformedInputNamingThePosition(String filter, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("Request_BadRequest");
            assertThat(e.getMessage()).isEqualTo("Invalid filter clause: " + message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyFilter(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .hasMessage("Invalid filter clause: the $filter query option is empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains(displayName,'x')", "endswith(displayName,'x')", "a/all(t: t eq 1)",
            "a has 'x'", "a add 1 eq 2"})
    void refusesFunctionsLambdasAndOperatorsItDoesNotKnowAsUnsupported(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("Request_UnsupportedQuery"));
    }

    @Test
    void refusesConnectivesTheSchemaDoesNotAllowWhereTheyAreMet() {
        FilterSchema andOnly = FilterSchema.of("directoryAudit", Set.of(LogicalOperator.AND), List.of());

        for (String filter : List.of("a eq 'x' or 1 eq 1", "not (a eq 1)", "a eq 1 and (b eq 2 or )")) {
            assertThatThrownBy(() -> FilterParser.parse(filter, andOnly)).as(filter)
                    .isInstanceOfSatisfying(GraphException.class,
                            e -> assertThat(e.code()).isEqualTo("Request_UnsupportedQuery"));
        }
    }

    @Test
    void appliesTheElementSchemaInsideALambda() {
        FilterSchema target = FilterSchema.of("targetResources/any", Set.of(), List.of());
        FilterSchema audit = FilterSchema.of("directoryAudit", Set.of(LogicalOperator.AND),
                List.of(FilterProperty.collection("targetResources", target)));

        assertThatThrownBy(() -> FilterParser.parse("targetResources/any(t: t/id eq 'a' and t/id eq 'b')", audit))
                .hasMessage("The operator 'and' is not supported in a $filter on targetResources/any.");
        assertThat(FilterParser.parse("targetResources/any(t: t/id eq 'a') and a eq 1", audit)).isNotNull();
    }

    @Test
    void readsAStringLiteralOf700Characters() {
        String text = "x'".repeat(350);

        FilterExpression expression = FilterParser.parse("displayName eq '" + text.replace("'", "''") + "'");

        assertThat(((Comparison) expression).value().value()).isEqualTo(text);
    }

    @Test
    void refusesControlCharactersAndLoneSurrogatesSoNoneReachesTheDatabase() {
        for (String filter : List.of("displayName eq 'a\u0000b'", "displayName eq 'a\u0007'", "displayName eq '\ud800'",
                "displayName\u0000eq 'a'")) {
            assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(GraphException.class,
                    e -> assertThat(e.getMessage()).contains("control characters"));
        }
    }

    @Test
    void readsAStringLiteralUpToTheLengthLimit() {
        String text = "a".repeat(FilterParser.MAX_LENGTH - 17);

        assertThat(((Comparison) FilterParser.parse("displayName eq '" + text + "'")).value().value()).isEqualTo(text);
    }

    @Test
    void answersTenThousandNestedParenthesesWithBadRequest() {
        String deep = "(".repeat(10_000) + "a eq 1" + ")".repeat(10_000);

        assertThatThrownBy(() -> FilterParser.parse(deep)).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("Request_BadRequest"));
    }

    @Test
    void answersNestingBeyondTheLimitWithBadRequestButNotWithinIt() {
        int limit = FilterParser.MAX_DEPTH;
        String deep = "(".repeat(limit + 1) + "a eq 1" + ")".repeat(limit + 1);
        String nots = "not ".repeat(limit) + "a eq 1";
        String lambdas = "a/any(x: " + "x/a/any(x: ".repeat(limit) + "x eq 1" + ")".repeat(limit + 1);

        assertThat(FilterParser.parse("(".repeat(limit) + "a eq 1" + ")".repeat(limit)).text()).isEqualTo("a eq 1");
        assertThat(FilterParser.parse("not ".repeat(limit - 1) + "a eq 1")).isNotNull();
        assertThat(FilterParser.parse("a/any(x: " + "x/a/any(x: ".repeat(limit / 2 - 2) + "x eq 1"
                + ")".repeat(limit / 2 - 1))).isNotNull();
        assertThatThrownBy(() -> FilterParser.parse(deep)).hasMessage("Invalid filter clause: parentheses and lambdas "
                + "nested deeper than 100 levels at position 100.");
        assertThatThrownBy(() -> FilterParser.parse(nots)).hasMessageStartingWith(
                "Invalid filter clause: the expression is nested deeper than 100 levels");
        assertThatThrownBy(() -> FilterParser.parse(lambdas)).hasMessageStartingWith(
                "Invalid filter clause: parentheses and lambdas nested deeper than 100 levels");
    }

    @Test
    void answersAHundredThousandCharacterInputWithBadRequest() {
        String huge = "a eq 1" + " or a eq 1".repeat(10_000);
        String nested = "not (".repeat(20_000) + "a eq 1" + ")".repeat(20_000);

        for (String filter : List.of(huge, nested, "a eq '" + "x".repeat(100_000) + "'")) {
            assertThat(filter.length()).isGreaterThanOrEqualTo(100_000);
            assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(GraphException.class, e -> {
                assertThat(e.code()).isEqualTo("Request_BadRequest");
                assertThat(e.getMessage()).isEqualTo("Invalid filter clause: longer than 8000 characters.");
            });
        }
    }

    @Test
    void refusesMoreThanAHundredConditions() {
        String many = "a eq 1" + " or a eq 1".repeat(FilterParser.MAX_CONDITIONS);

        assertThat(FilterParser.parse("a eq 1" + " or a eq 1".repeat(FilterParser.MAX_CONDITIONS - 1))).isNotNull();
        assertThatThrownBy(() -> FilterParser.parse(many))
                .hasMessage("Invalid filter clause: more than 100 conditions (at position 1000).");
    }

    @Test
    void answersDeepInputWithinTheLengthLimitWithoutAStackOverflow() {
        String parentheses = "(".repeat(3_990) + "a eq 1" + ")".repeat(3_990);
        String nots = "not ".repeat(1_990) + "a eq 1";

        for (String filter : List.of(parentheses, nots)) {
            assertThat(filter.length()).isLessThanOrEqualTo(FilterParser.MAX_LENGTH);
            assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOf(GraphException.class);
        }
    }

    @Test
    void cutsLongTokensShortInMessages() {
        assertThatThrownBy(() -> FilterParser.parse("a '" + "x".repeat(700) + "'"))
                .hasMessage("Invalid filter clause: expected an operator (eq, ne, gt, ge, lt, le, in) at position 2, "
                        + "found the string '" + "x".repeat(40) + "...'.");
    }
}
