package dev.steward.selfservice.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestCursorTest {

    @Test
    void skipTokenReadsBackAsTheSameCursor() {
        var cursor = new RequestCursor(Instant.parse("2026-01-01T10:00:00.123456Z"), "0d6f4b1e-1111-4222-8333-944455556666");

        assertThat(RequestCursor.fromSkipToken(cursor.toSkipToken())).isEqualTo(cursor);
        assertThat(cursor.toSkipToken()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void rejectsSkipTokenItDidNotIssue() {
        for (String token : new String[] {"not base64!", "bm8tc2VwYXJhdG9y", "eHx5", "MjAyNi0wMS0wMVQxMDowMDowMFp8"}) {
            assertThatThrownBy(() -> RequestCursor.fromSkipToken(token))
                    .isInstanceOfSatisfying(MembershipRequestRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(RefusalReason.INVALID_REQUEST));
        }
    }
}
