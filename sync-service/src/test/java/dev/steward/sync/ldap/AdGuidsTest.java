package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AdGuidsTest {

    @Test
    void decodesTheFirstThreeFieldsLittleEndianAndTheLastTwoAsIs() {
        // Bytes as AD stores them: 83 60 9f 4c | be 2d | 50 4b | 8f 74 | 30 8b 5c ae 0d 04
        byte[] stored = Base64.getDecoder().decode("g2CfTL4tUEuPdDCLXK4NBA==");

        assertThat(AdGuids.toCanonical(stored)).isEqualTo("4c9f6083-2dbe-4b50-8f74-308b5cae0d04");
    }

    @Test
    void decodesWindowsOwnExample() {
        // {00112233-4455-6677-8899-aabbccddeeff} is stored as 33 22 11 00 55 44 77 66 88 99 aa bb cc dd ee ff.
        byte[] stored = HexFormat.of().parseHex("33221100554477668899aabbccddeeff");

        assertThat(AdGuids.toCanonical(stored)).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
    }

    @Test
    void encodesBackToTheStoredBytes() {
        assertThat(HexFormat.of().formatHex(AdGuids.toBytes("00112233-4455-6677-8899-AABBCCDDEEFF")))
                .isEqualTo("33221100554477668899aabbccddeeff");
        String canonical = "6eb182a5-4fd0-4d72-a196-52ad7ec02f06";
        assertThat(AdGuids.toCanonical(AdGuids.toBytes(canonical))).isEqualTo(canonical);
    }

    @Test
    void refusesValuesThatAreNotSixteenBytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> AdGuids.toCanonical(new byte[15]));
        assertThatIllegalArgumentException().isThrownBy(() -> AdGuids.toCanonical(null));
    }
}
