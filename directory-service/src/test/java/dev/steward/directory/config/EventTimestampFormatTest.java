package dev.steward.directory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The batched event store writes {@code time_stamp} itself; Axon must read back exactly what it would have written. */
class EventTimestampFormatTest {

    @Test
    void writesTheTimestampColumnExactlyAsAxonDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_200_000_000L, 253_500_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(BatchingJpaEventStorageEngine.formatTimestamp(instant))
                    .isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @Test
    void keepsAxonsFormForEdgesAndYearsBeyondFourDigits() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.parse("1970-01-01T00:00:00.999999999Z"),
                Instant.parse("2026-02-28T23:59:59.001Z"), Instant.parse("2024-02-29T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T00:00:00Z")}) {
            assertThat(BatchingJpaEventStorageEngine.formatTimestamp(instant))
                    .isEqualTo(DateTimeUtils.formatInstant(instant));
            assertThat(DateTimeUtils.parseInstant(BatchingJpaEventStorageEngine.formatTimestamp(instant)))
                    .isEqualTo(DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(instant)));
        }
    }
}
