package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AdSidsTest {

    @Test
    void decodesADomainAccountSid() {
        byte[] stored = Base64.getDecoder().decode("AQUAAAAAAAUVAAAA3PTcO4M9K0aCi6YoUAQAAA==");

        assertThat(AdSids.toText(stored)).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1104");
    }

    @Test
    void decodesAWellKnownSid() {
        // BUILTIN\Administrators
        byte[] stored = HexFormat.of().parseHex("01020000000000052000000020020000");

        assertThat(AdSids.toText(stored)).isEqualTo("S-1-5-32-544");
    }

    @Test
    void decodesSubAuthoritiesAsUnsigned() {
        byte[] stored = AdSids.toBytes("S-1-5-21-4294967295-1-2-500");

        assertThat(AdSids.toText(stored)).isEqualTo("S-1-5-21-4294967295-1-2-500");
    }

    @Test
    void refusesATruncatedSid() {
        byte[] truncated = HexFormat.of().parseHex("010200000000000520000000200200");

        assertThatIllegalArgumentException().isThrownBy(() -> AdSids.toText(truncated));
        assertThatIllegalArgumentException().isThrownBy(() -> AdSids.toText(new byte[3]));
    }
}
