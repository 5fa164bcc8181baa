package dev.steward.directory.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.DirectoryException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTravelInstantTest {

    @Test
    void readsAnRfc3339InstantInUtcOrWithAnOffset() {
        assertThat(TimeTravelController.instant("2026-01-01T10:00:00Z")).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(TimeTravelController.instant("2026-01-01T12:00:00.250+02:00"))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00.250Z"));
    }

    @Test
    void takesBackAPlusThatArrivedAsASpace() {
        assertThat(TimeTravelController.instant("2026-01-01T12:00:00 02:00"))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void refusesAnInstantWithoutOffsetOrThatIsNotADate() {
        for (String text : new String[] {"2026-01-01T10:00:00", "2026-01-01", "yesterday", ""}) {
            assertThatThrownBy(() -> TimeTravelController.instant(text)).isInstanceOf(DirectoryException.class)
                    .hasMessageContaining("$asOf");
        }
    }
}
