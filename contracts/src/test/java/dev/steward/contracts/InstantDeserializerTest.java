package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Contract messages read their instants with a fast path that must agree with Jackson's own reading everywhere. */
class InstantDeserializerTest {

    private static final JsonMapper JACKSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Stamped(Instant at) {
    }

    @Test
    void readsTheCanonicalFormAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            String text = instant.toString();
            int digits = random.nextInt(10);
            String canonical = text.substring(0, 19) + (digits == 0 ? "" : "."
                    + String.format("%09d", instant.getNano()).substring(0, digits)) + "Z";
            assertSameAsJackson(canonical);
            assertSameAsJackson(text);
        }
    }

    @Test
    void leavesEveryOtherFormToJackson() {
        for (String text : new String[] {"2026-11-30T15:00:00+01:00", "2026-11-30T15:00:00.5+00:00",
                "2026-11-30T15:00Z", "+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z", "2026-11-30T23:59:60Z",
                "2026-11-30t15:00:00z", "0000-01-01T00:00:00Z", "2024-02-29T00:00:00.000000001Z",
                "2026-11-30T24:00:00Z", "2026-11-30T15:00:00.Z"}) {
            Instant expected;
            try {
                expected = read(JACKSON, text);
            } catch (RuntimeException jacksonRefuses) {
                assertThatThrownBy(() -> read(ContractJson.mapper(), text)).as(text).isInstanceOf(RuntimeException.class);
                continue;
            }
            assertThat(read(ContractJson.mapper(), text)).as(text).isEqualTo(expected);
        }
        assertThat(ContractJson.mapper().readValue("{\"at\":1764514800}", Stamped.class).at())
                .isEqualTo(JACKSON.readValue("{\"at\":1764514800}", Stamped.class).at());
    }

    @Test
    void refusesWhatJacksonRefuses() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-30T15:00:00.1234567890Z", "2026-11-3OT15:00:00Z", "yesterday"}) {
            assertThatThrownBy(() -> read(JACKSON, text)).as(text).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> read(ContractJson.mapper(), text)).as(text)
                    .isInstanceOf(RuntimeException.class);
        }
    }

    private static void assertSameAsJackson(String text) {
        assertThat(read(ContractJson.mapper(), text)).as(text).isEqualTo(read(JACKSON, text));
    }

    private static Instant read(JsonMapper mapper, String text) {
        return mapper.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at();
    }
}
