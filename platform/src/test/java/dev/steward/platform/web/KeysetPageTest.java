package dev.steward.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

    @Test
    void theExtraRowIsCutAndTheCursorIsTheLastRowShown() {
        KeysetPage<String, String> page = KeysetPage.of(List.of("a", "b", "c"), 2, row -> "after " + row);

        assertThat(page.rows()).containsExactly("a", "b");
        assertThat(page.next()).isEqualTo("after b");
        assertThat(KeysetPage.fetchSize(2)).isEqualTo(3);
    }

    @Test
    void aPageWithoutTheExtraRowIsTheLast() {
        assertThat(KeysetPage.of(List.of("a", "b"), 2, row -> row)).isEqualTo(new KeysetPage<>(List.of("a", "b"), null));
        assertThat(KeysetPage.of(List.of(), 2, row -> row).next()).isNull();
    }

    @Test
    void mappingRowsKeepsTheCursor() {
        KeysetPage<Integer, String> page = KeysetPage.of(List.of("a", "bb", "ccc"), 2, row -> "after " + row)
                .map(String::length);

        assertThat(page).isEqualTo(new KeysetPage<>(List.of(1, 2), "after bb"));
        assertThat(KeysetPage.of(List.of("a"), 2, row -> row).map(String::length))
                .isEqualTo(new KeysetPage<>(List.of(1), null));
    }
}
