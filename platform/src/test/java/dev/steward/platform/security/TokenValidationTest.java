package dev.steward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
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

    @Test
    void checksATokensSignatureOnceAndItsClaimsOnEveryCall() {
        MovableClock clock = new MovableClock(Instant.now());
        String token = TestTokens.issued(clock.instant(), Duration.ofMinutes(2), APP);
        CountingDecoder signatures = new CountingDecoder(signatureOnly());
        JwtDecoder decoder = new SignatureCheckedTokens(signatures, claims(Duration.ofSeconds(5), clock), clock);

        decoder.decode(token);
        decoder.decode(token);
        assertThat(signatures.calls).as("the signature is verified once").isEqualTo(1);

        clock.advance(Duration.ofMinutes(2).plusSeconds(10));
        assertThatThrownBy(() -> decoder.decode(token)).as("expired, although its signature was verified before")
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void trustsAVerifiedSignatureForFiveMinutesAtMost() {
        MovableClock clock = new MovableClock(Instant.now());
        String token = TestTokens.issued(clock.instant(), Duration.ofMinutes(30), APP);
        CountingDecoder signatures = new CountingDecoder(signatureOnly());
        JwtDecoder decoder = new SignatureCheckedTokens(signatures, claims(Duration.ofSeconds(5), clock), clock);

        decoder.decode(token);
        clock.advance(SignatureCheckedTokens.SIGNATURE_TRUSTED_FOR);
        decoder.decode(token);

        assertThat(signatures.calls).as("verified again, so a key removed from the key set stops being honoured")
                .isEqualTo(2);
    }

    @Test
    void refusesATokenWithAnotherSignatureAfterTheGenuineOneWasAccepted() {
        JwtDecoder decoder = trusting();
        String genuine = TestTokens.mint(APP);
        decoder.decode(genuine);
        String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        String tampered = genuine.substring(0, genuine.lastIndexOf('.') + 1)
                + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.forged(APP))).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenWithBadClaimsOnEveryCallAndRemembersNothing() {
        MovableClock clock = new MovableClock(Instant.now());
        SignatureCheckedTokens decoder = new SignatureCheckedTokens(signatureOnly(),
                claims(Duration.ofSeconds(60), clock), clock);
        String otherAudience = TestTokens.forAudience("api://another-api", APP);
        String otherIssuer = TestTokens.fromIssuer("https://elsewhere.invalid/", APP);
        String noExpiry = TestTokens.withoutExpiry(APP);

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> decoder.decode(otherAudience)).hasMessageContaining("aud");
            assertThatThrownBy(() -> decoder.decode(otherIssuer)).hasMessageContaining("iss");
            assertThatThrownBy(() -> decoder.decode(noExpiry)).hasMessageContaining("exp");
        }
        assertThat(decoder.remembered()).isZero();
    }

    @Test
    void refusesATokenNotYetValidAlthoughItsSignatureVerifies() {
        MovableClock clock = new MovableClock(Instant.now());
        String token = TestTokens.issued(clock.instant().plus(Duration.ofMinutes(10)), Duration.ofMinutes(30), APP);
        JwtDecoder decoder = new SignatureCheckedTokens(signatureOnly(), claims(Duration.ofSeconds(60), clock), clock);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("used before");
        clock.advance(Duration.ofMinutes(10));
        assertThat(decoder.decode(token).getClaimAsString("appid")).isEqualTo("app-1");
    }

    private static JwtDecoder signatureOnly() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(DevTokens.readPublicKey(read(PUBLIC_KEY))).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return nimbus;
    }

    private static String read(String location) {
        try (var in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OAuth2TokenValidator<Jwt> claims(Duration clockSkew, Clock clock) {
        return TokenValidation.validator(new StewardSecurityProperties(TestTokens.ISSUER, DevTokens.AUDIENCE, null,
                PUBLIC_KEY, false, clockSkew), clock);
    }

    private static final class CountingDecoder implements JwtDecoder {
        private final JwtDecoder delegate;
        private int calls;

        CountingDecoder(JwtDecoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Jwt decode(String token) {
            calls++;
            return delegate.decode(token);
        }
    }
}
