package dev.steward.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintOptionsTest {

    @Test
    void trimsTheNativeHeapWithTheProductOptionFromJdk22AndUsesCompactHeadersFromJdk25() {
        assertThat(FootprintOptions.options(Runtime.Version.parse("25.0.1+8"), "Linux"))
                .containsExactly("-XX:TrimNativeHeapInterval=5000", "-XX:+UseCompactObjectHeaders");
        assertThat(FootprintOptions.options(Runtime.Version.parse("22"), "Linux"))
                .containsExactly("-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void trimsWithTheExperimentalOptionInTheBackportsOf17And21() {
        assertThat(FootprintOptions.options(Runtime.Version.parse("17.0.15+6"), "Linux"))
                .containsExactly("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
        assertThat(FootprintOptions.options(Runtime.Version.parse("21.0.1+12"), "Linux"))
                .containsExactly("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void leavesOutWhatTheJvmDoesNotKnowOrCannotUseThere() {
        assertThat(FootprintOptions.options(Runtime.Version.parse("17.0.8+7"), "Linux")).isEmpty();
        assertThat(FootprintOptions.options(Runtime.Version.parse("21+35"), "Linux")).isEmpty();
        assertThat(FootprintOptions.options(Runtime.Version.parse("24.0.2"), "Linux"))
                .containsExactly("-XX:TrimNativeHeapInterval=5000");
        assertThat(FootprintOptions.options(Runtime.Version.parse("25"), "Mac OS X"))
                .containsExactly("-XX:+UseCompactObjectHeaders");
    }
}
