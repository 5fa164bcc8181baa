package dev.steward.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "line\nfeed", "\u001b[31m", "del\u007f", "c1\u0085", "\ud800x",
            "x\udc00", "\ud83d", "sep\u2028"})
    void refusesControlCharactersAndUnpairedSurrogatesInSingleLineText(String text) {
        assertThat(SafeText.isSafe(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Engineering", "Équipe d'ingénierie", "工程部", "rocket \ud83d\ude80", ""})
    void acceptsOrdinaryTextInAnyScript(String text) {
        assertThat(SafeText.isSafe(text)).isTrue();
    }

    @Test
    void allowsLineBreaksAndTabsOnlyInMultiLineText() {
        assertThat(SafeText.isSafe("first line\r\nsecond\tline", true)).isTrue();
        assertThat(SafeText.isSafe("nul\u0000inside", true)).isFalse();
        assertThat(SafeText.isSafe(null)).isTrue();
    }
}
