package dev.steward.directory.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphPage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionQueryTest {

    @Test
    void defaultsToHundredItemsWithoutFilter() {
        CollectionQuery query = CollectionQuery.parse(Map.of());
        assertThat(query.top()).isEqualTo(100);
        assertThat(query.filter()).isEmpty();
        assertThat(query.afterId()).isNull();
        assertThat(query.count()).isFalse();
    }

    @Test
    void readsTopCountSelectAndSkipToken() {
        String token = GraphPage.skipToken("group-7");
        CollectionQuery query = CollectionQuery.parse(Map.of("$top", "5", "$count", "true",
                "$select", "id, displayName", "$skiptoken", token));
        assertThat(query.top()).isEqualTo(5);
        assertThat(query.count()).isTrue();
        assertThat(query.select()).containsExactly("id", "displayName");
        assertThat(query.afterId()).isEqualTo("group-7");
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
}
