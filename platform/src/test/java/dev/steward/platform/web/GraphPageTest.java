package dev.steward.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class GraphPageTest {

    @Test
    void readsTopWithDefaultAndMaximum() {
        assertThat(GraphPage.top(null)).isEqualTo(100);
        assertThat(GraphPage.top("999")).isEqualTo(999);
        assertThat(GraphPage.top(" 5 ")).isEqualTo(5);
        assertThat(GraphPage.top(null, 20, 50)).isEqualTo(20);
        assertThat(GraphPage.top("50", 20, 50)).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "-1", "ten", "", "1.5"})
    void refusesPageSizesOutsideTheRange(String top) {
        assertThatThrownBy(() -> GraphPage.top(top)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("Request_BadRequest");
            assertThat(e.getMessage())
                    .isEqualTo("Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
        });
        assertThatThrownBy(() -> GraphPage.top("51", 20, 50)).hasMessageEndingWith("between 1 and 50 inclusive.");
    }

    @Test
    void readsCountAsTrueOrFalse() {
        assertThat(GraphPage.count(null)).isFalse();
        assertThat(GraphPage.count("false")).isFalse();
        assertThat(GraphPage.count("TRUE")).isTrue();
        assertThatThrownBy(() -> GraphPage.count("yes")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("Request_BadRequest"));
    }

    @Test
    void skipTokenIsAnOpaqueUrlSafeTextThatReadsBackAsTheCursor() {
        String cursor = "2026-01-01T10:00:00.123456Z|6f9619ff-8b86-d011-b42d-00c04fc964ff";

        String token = GraphPage.skipToken(cursor);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(GraphPage.cursor(token)).isEqualTo(cursor);
        assertThat(GraphPage.cursor(null)).isNull();
        assertThat(GraphPage.cursor("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bogus", "%%%", "ICA"})
    void refusesSkipTokensThatAreNotBase64OfACursor(String token) {
        assertThatThrownBy(() -> GraphPage.cursor(token)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.code()).isEqualTo("Request_BadRequest");
            assertThat(e.getMessage()).isEqualTo("The $skiptoken is not valid.");
        });
    }

    @Test
    void nextLinkIsTheAbsoluteRequestUrlWithTheSkipTokenReplaced() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/groups");
        request.setServerName("127.0.0.1");
        request.setServerPort(8081);
        request.setQueryString("$filter=startswith(displayName,%27a%27)&$top=2&$skiptoken=old");

        assertThat(GraphPage.nextLink(request, "bmV3"))
                .isEqualTo("http://127.0.0.1:8081/v1.0/groups?$filter=startswith(displayName,%27a%27)&$top=2"
                        + "&$skiptoken=bmV3");
    }

    @Test
    void collectionLeavesOutCountAndNextLinkWhenAbsent() {
        assertThat(GraphPage.collection("ctx", List.of(1), 7L, "next")).containsExactly(
                Map.entry("@odata.context", "ctx"), Map.entry("@odata.count", 7L),
                Map.entry("@odata.nextLink", "next"), Map.entry("value", List.of(1)));
        assertThat(GraphPage.collection("ctx", List.of(), null, null)).containsExactly(
                Map.entry("@odata.context", "ctx"), Map.entry("value", List.of()));
    }
}
