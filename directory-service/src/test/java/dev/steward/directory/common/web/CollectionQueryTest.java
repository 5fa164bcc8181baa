package dev.steward.directory.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionQueryTest {

    private static final List<String> SORTABLE = List.of("displayName", "userPrincipalName");

    @Test
    void defaultsToHundredItemsWithoutFilter() {
        CollectionQuery query = CollectionQuery.parse(Map.of());
        assertThat(query.top()).isEqualTo(100);
        assertThat(query.filter()).isNull();
        assertThat(query.orderBy()).isNull();
        assertThat(query.afterId()).isNull();
        assertThat(query.count()).isFalse();
        assertThat(CollectionQuery.parse(Map.of("$filter", "  ")).filter()).isNull();
    }

    @Test
    void readsTopCountSelectAndSkipToken() {
        String token = new PageCursor(null, null, "group-7").encode();
        CollectionQuery query = CollectionQuery.parse(Map.of("$top", "5", "$count", "true",
                "$select", "id, displayName", "$skiptoken", token));
        assertThat(query.top()).isEqualTo(5);
        assertThat(query.count()).isTrue();
        assertThat(query.select()).containsExactly("id", "displayName");
        assertThat(query.afterId()).isEqualTo("group-7");
    }

    @Test
    void readsTheFilterWithThePlatformParser() {
        CollectionQuery query = CollectionQuery.parse(Map.of("$filter",
                "displayName eq 'a' or not groupTypes/any(c: c eq 'Unified')"));

        assertThat(query.filter().text()).isEqualTo("(displayName eq 'a' or not (groupTypes/any(c: c eq 'Unified')))");
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$filter", "displayName eq 'open")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo("Request_BadRequest"));
    }

    @Test
    void readsOrderByInEitherDirection() {
        assertThat(CollectionQuery.parse(Map.of("$orderby", "displayName"), SORTABLE).orderBy())
                .isEqualTo(new CollectionQuery.OrderBy("displayName", false));
        assertThat(CollectionQuery.parse(Map.of("$orderby", " DisplayName  DESC "), SORTABLE).orderBy())
                .isEqualTo(new CollectionQuery.OrderBy("displayName", true));
        assertThat(CollectionQuery.parse(Map.of("$orderby", "userPrincipalName asc"), SORTABLE).orderBy())
                .isEqualTo(new CollectionQuery.OrderBy("userPrincipalName", false));
    }

    @Test
    void refusesOrderingItCannotDo() {
        assertThat(code(Map.of("$orderby", "displayName"), List.of())).isEqualTo(DirectoryErrorCode.UNSUPPORTED_QUERY);
        assertThat(code(Map.of("$orderby", "mail"), SORTABLE)).isEqualTo(DirectoryErrorCode.UNSUPPORTED_QUERY);
        assertThat(code(Map.of("$orderby", "displayName,mail"), SORTABLE)).isEqualTo(DirectoryErrorCode.UNSUPPORTED_QUERY);
        assertThat(code(Map.of("$orderby", "displayName sideways"), SORTABLE)).isEqualTo(DirectoryErrorCode.BAD_REQUEST);
        assertThat(code(Map.of("$orderby", ""), SORTABLE)).isEqualTo(DirectoryErrorCode.BAD_REQUEST);
    }

    @Test
    void carriesTheSortKeyAndTheIdInTheSkipToken() {
        CollectionQuery first = CollectionQuery.parse(Map.of("$orderby", "displayName desc"), SORTABLE);
        String token = first.skipTokenAfter("group-7", "Engineering\nLeads");

        CollectionQuery next = CollectionQuery.parse(Map.of("$orderby", "displayName desc", "$skiptoken", token),
                SORTABLE);

        assertThat(next.after()).isEqualTo(new PageCursor(first.orderBy(), "Engineering\nLeads", "group-7"));
        String afterNull = first.skipTokenAfter("group-8", null);
        assertThat(CollectionQuery.parse(Map.of("$orderby", "displayName desc", "$skiptoken", afterNull), SORTABLE)
                .after().sortKey()).isNull();
    }

    @Test
    void refusesASkipTokenOfAnotherOrder() {
        String byName = CollectionQuery.parse(Map.of("$orderby", "displayName"), SORTABLE).skipTokenAfter("g", "a");
        String byId = CollectionQuery.parse(Map.of()).skipTokenAfter("g", null);

        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$skiptoken", byName)))
                .hasMessage("The $skiptoken belongs to another $orderby. Use the @odata.nextLink of a previous page as it is.");
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$orderby", "displayName desc", "$skiptoken", byName),
                SORTABLE)).isInstanceOf(DirectoryException.class);
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$orderby", "displayName", "$skiptoken", byId),
                SORTABLE)).isInstanceOf(DirectoryException.class);
    }

    @Test
    void refusesASkipTokenThatIsNotOurs() {
        for (String token : List.of("***", GraphPage.skipToken("group-7"), GraphPage.skipToken("d1\nid\n"),
                GraphPage.skipToken("d1\ndisplayName asc\ng"), GraphPage.skipToken("d1\ndisplayName asc\ng\nx"),
                GraphPage.skipToken("d2\nid\ng"))) {
            assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$orderby", "displayName", "$skiptoken", token),
                    SORTABLE)).as(token).isInstanceOfSatisfying(DirectoryException.class,
                    e -> assertThat(e.code()).isEqualTo(DirectoryErrorCode.BAD_REQUEST));
        }
    }

    @Test
    void rejectsPageSizesOutsideOneTo999() {
        for (String top : new String[] {"0", "1000", "-1", "ten"}) {
            assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$top", top)))
                    .isInstanceOf(DirectoryException.class)
                    .hasMessageContaining("Must be between 1 and 999 inclusive.");
        }
    }

    @Test
    void rejectsUnsupportedQueryOptionsAndBadSkipTokens() {
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$skip", "10")))
                .hasMessage("The query option '$skip' is not supported.");
        assertThatThrownBy(() -> CollectionQuery.parse(Map.of("$skiptoken", "***")))
                .hasMessage("The $skiptoken is not valid.");
    }

    private static DirectoryErrorCode code(Map<String, String> parameters, List<String> sortable) {
        try {
            CollectionQuery.parse(parameters, sortable);
            throw new AssertionError("accepted " + parameters);
        } catch (DirectoryException e) {
            return e.code();
        }
    }
}
