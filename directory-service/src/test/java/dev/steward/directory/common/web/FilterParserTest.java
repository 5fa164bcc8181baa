package dev.steward.directory.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.FilterClause.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    @Test
    void readsEqualityWithQuotedString() {
        assertThat(FilterParser.parse("displayName eq 'Engineering'"))
                .containsExactly(new FilterClause("displayName", Operator.EQ, "Engineering"));
    }

    @Test
    void readsDoubledQuoteInsideString() {
        assertThat(FilterParser.parse("displayName eq 'O''Brien''s team'"))
                .containsExactly(new FilterClause("displayName", Operator.EQ, "O'Brien's team"));
    }

    @Test
    void readsStartsWithBooleansNullAndConjunctions() {
        assertThat(FilterParser.parse("startswith(displayName,'Eng') and securityEnabled eq true "
                + "AND onPremisesSyncEnabled eq null"))
                .containsExactly(new FilterClause("displayName", Operator.STARTS_WITH, "Eng"),
                        new FilterClause("securityEnabled", Operator.EQ, Boolean.TRUE),
                        new FilterClause("onPremisesSyncEnabled", Operator.EQ, FilterParser.Null.INSTANCE));
    }

    @Test
    void acceptsNoFilter() {
        assertThat(FilterParser.parse(null)).isEmpty();
        assertThat(FilterParser.parse("  ")).isEmpty();
    }

    @Test
    void rejectsOtherOperators() {
        assertThatThrownBy(() -> FilterParser.parse("displayName ne 'x'"))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryErrorCode.UNSUPPORTED_QUERY));
    }

    @Test
    void rejectsMalformedClauses() {
        for (String filter : List.of("displayName eq 'open", "displayName eq", "eq 'x'", "displayName eq 'x' or",
                "startswith(displayName)", "displayName eq 'x')", "displayName eq 42")) {
            assertThatThrownBy(() -> FilterParser.parse(filter)).as(filter)
                    .isInstanceOfSatisfying(DirectoryException.class,
                            e -> assertThat(e.code()).isEqualTo(DirectoryErrorCode.BAD_REQUEST));
        }
    }

    @Test
    void refusesFilterOnPropertyTheResourceDoesNotList() {
        var clauses = FilterParser.parse("membershipRule eq 'x'");
        assertThatThrownBy(() -> FilterSpecifications.of(clauses, Map.of(), "Group"))
                .hasMessage("Unsupported or invalid query filter clause specified for property 'membershipRule' of "
                        + "resource 'Group'.");
    }
}
