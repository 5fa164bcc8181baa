package dev.steward.audit.directoryaudit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.web.GraphException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkipTokenTest {

    @Test
    void roundTripsThroughAnOpaqueUrlSafeText() {
        SkipToken token = new SkipToken(SortOrder.DESC, Instant.parse("2026-01-01T10:00:00.123456Z"),
                "6f9619ff-8b86-d011-b42d-00c04fc964ff");

        String encoded = token.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(SkipToken.decode(encoded)).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "djE", "djIKREVTQwoyMDI2LTAxLTAxVDEwOjAwOjAwWgp4"})
    void refusesTokensItDidNotMake(String token) {
        assertThatThrownBy(() -> SkipToken.decode(token)).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("BadRequest"));
    }

    @Test
    void refusesTokenWithUnknownOrderOrBadTime() {
        for (String raw : new String[] {"v1\nSIDEWAYS\n2026-01-01T10:00:00Z\nx", "v1\nDESC\nyesterday\nx",
                "v1\nDESC\n2026-01-01T10:00:00Z\n"}) {
            String token = Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> SkipToken.decode(token)).isInstanceOf(GraphException.class);
        }
    }
}
