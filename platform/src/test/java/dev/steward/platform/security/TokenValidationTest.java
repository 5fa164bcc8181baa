package dev.steward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokenValidationTest {

    private static final String PUBLIC_KEY = TestTokens.properties().get("steward.security.public-key-location");
    private static final DevTokens.Claims APP = DevTokens.Claims.app("app-1", "App", List.of("Group.Read.All"));

    private static JwtDecoder decoder(String issuer, String audience, Duration clockSkew) {
        return TokenValidation.decoder(new StewardSecurityProperties(issuer, audience, null, PUBLIC_KEY, false,
                clockSkew));
    }

    private static JwtDecoder trusting() {
        return decoder(TestTokens.ISSUER, DevTokens.AUDIENCE, null);
    }

    @Test
    void refusesToBuildWithoutIssuer() {
        assertThatThrownBy(() -> decoder(null, DevTokens.AUDIENCE, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward.security.issuer").hasMessageNotContaining("steward.security.audience");
    }

    @Test
    void refusesToBuildWithoutAudience() {
        assertThatThrownBy(() -> decoder(TestTokens.ISSUER, " ", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward.security.audience").hasMessageNotContaining("steward.security.issuer");
    }

    @Test
    void refusesToBuildWithANegativeClockSkew() {
        assertThatThrownBy(() -> decoder(TestTokens.ISSUER, DevTokens.AUDIENCE, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock-skew");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertThatThrownBy(() -> trusting().decode(TestTokens.withoutExpiry(APP)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp");
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        assertThatThrownBy(() -> trusting().decode(TestTokens.fromIssuer("https://elsewhere.invalid/", APP)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThatThrownBy(() -> trusting().decode(TestTokens.forAudience("api://another-api", APP)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkewOnly() {
        String expiredTenSecondsAgo = TestTokens.issued(Instant.now().minusSeconds(70), Duration.ofSeconds(60), APP);

        assertThat(trusting().decode(expiredTenSecondsAgo).getClaimAsString("appid")).isEqualTo("app-1");
        assertThatThrownBy(() -> decoder(TestTokens.ISSUER, DevTokens.AUDIENCE, Duration.ofSeconds(5))
                .decode(expiredTenSecondsAgo))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void defaultsTheClockSkewToSixtySeconds() {
        assertThat(new StewardSecurityProperties(TestTokens.ISSUER, DevTokens.AUDIENCE, null, PUBLIC_KEY, false, null)
                .clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }
}
