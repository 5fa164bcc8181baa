package dev.steward.audit.directoryaudit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.web.GraphException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditQueryTest {

    @Test
    void defaultsToHundredNewestFirstWithoutCount() {
        AuditQuery query = AuditQuery.parse(Map.of());

        assertThat(query.top()).isEqualTo(100);
        assertThat(query.order()).isEqualTo(SortOrder.DESC);
        assertThat(query.count()).isFalse();
        assertThat(query.filter()).isEqualTo(SqlCondition.ALL);
        assertThat(query.skipToken()).isNull();
    }

    @Test
    void readsEveryOptionAndKeepsThemForTheNextLink() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("$filter", List.of("category eq 'GroupManagement'"));
        parameters.put("$top", List.of("999"));
        parameters.put("$orderby", List.of("activityDateTime asc"));
        parameters.put("$count", List.of("true"));
        parameters.put("$skiptoken", List.of(new SkipToken(SortOrder.ASC, Instant.EPOCH, "x").encode()));
        parameters.put("client", List.of("ignored"));

        AuditQuery query = AuditQuery.parse(parameters);

        assertThat(query.top()).isEqualTo(999);
        assertThat(query.order()).isEqualTo(SortOrder.ASC);
        assertThat(query.count()).isTrue();
        assertThat(query.filter().parameters()).containsExactly("GroupManagement");
        assertThat(query.skipToken()).isEqualTo(new SkipToken(SortOrder.ASC, Instant.EPOCH, "x"));
        assertThat(query.options()).containsExactly(Map.entry("$filter", "category eq 'GroupManagement'"),
                Map.entry("$top", "999"), Map.entry("$orderby", "activityDateTime asc"), Map.entry("$count", "true"));
    }

    @Test
    void acceptsOptionsWithoutDollarPrefixAndPlainOrderBy() {
        AuditQuery query = AuditQuery.parse(Map.of("top", List.of("5"), "orderby", List.of("activityDateTime")));

        assertThat(query.top()).isEqualTo(5);
        assertThat(query.order()).isEqualTo(SortOrder.ASC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000", "abc", "", "1.5", "99999999999"})
    void refusesPageSizesOutsideOneTo999(String top) {
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("$top", List.of(top))))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.code()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).isEqualTo("Invalid page size specified: '" + top
                            + "'. Must be between 1 and 999 inclusive.");
                });
    }

    @Test
    void refusesRepeatedOption() {
        assertThatThrownBy(() -> AuditQuery.parse(Map.of("$top", List.of("1", "2"))))
                .hasMessage("Query option '$top' was specified more than once.");
        Map<String, List<String>> both = new LinkedHashMap<>();
        both.put("$top", List.of("1"));
        both.put("top", List.of("2"));
        assertThatThrownBy(() -> AuditQuery.parse(both)).isInstanceOf(GraphException.class);
    }

    @Test
    void refusesUnsupportedOptionsAndOrdering() {
        assertThat(code(Map.of("$skip", List.of("10")))).isEqualTo("Request_UnsupportedQuery");
        assertThat(code(Map.of("$select", List.of("id")))).isEqualTo("Request_UnsupportedQuery");
        assertThat(code(Map.of("$orderby", List.of("category desc")))).isEqualTo("Request_UnsupportedQuery");
        assertThat(code(Map.of("$orderby", List.of("activityDateTime sideways")))).isEqualTo("BadRequest");
        assertThat(code(Map.of("$count", List.of("yes")))).isEqualTo("BadRequest");
    }

    @Test
    void refusesSkipTokenOfAnotherOrder() {
        String descending = new SkipToken(SortOrder.DESC, Instant.EPOCH, "x").encode();

        assertThat(code(Map.of("$skiptoken", List.of(descending), "$orderby", List.of("activityDateTime asc"))))
                .isEqualTo("BadRequest");
    }

    private static String code(Map<String, List<String>> parameters) {
        try {
            AuditQuery.parse(parameters);
            throw new AssertionError("accepted " + parameters);
        } catch (GraphException e) {
            return e.code();
        }
    }
}
