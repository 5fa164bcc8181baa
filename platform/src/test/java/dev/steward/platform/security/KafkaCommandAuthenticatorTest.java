package dev.steward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class KafkaCommandAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final AtomicInteger decoded = new AtomicInteger();

    private JwtDecoder decoder(Instant expiresAt) {
        return token -> {
            decoded.incrementAndGet();
            if (token.equals("forged")) {
                throw new BadJwtException("signature");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").claim("appid", "sync-app")
                    .claim("roles", List.of("OnPremDirectorySynchronization.ReadWrite.All"))
                    .issuedAt(NOW.minusSeconds(60));
            return (expiresAt == null ? jwt : jwt.expiresAt(expiresAt)).build();
        };
    }

    private static RecordHeaders bearer(String token) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.AUTHORIZATION, ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void checksATokenOnceUntilItExpires() {
        var authenticator = new KafkaCommandAuthenticator(decoder(NOW.plusSeconds(3600)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        authenticator.authenticate(bearer("t1"));
        Caller caller = authenticator.authenticate(bearer("t1"));

        assertThat(decoded).hasValue(1);
        assertThat(caller.appId()).isEqualTo("sync-app");
    }

    @Test
    void checksAnExpiredRememberedTokenAgain() {
        var authenticator = new KafkaCommandAuthenticator(decoder(NOW.plusSeconds(1)),
                Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5)));

        authenticator.authenticate(bearer("t1"));
        authenticator.authenticate(bearer("t1"));

        assertThat(decoded).hasValue(2);
    }

    @Test
    void refusesATokenWithoutExpiryEvenFromADecoderThatLetItThrough() {
        var authenticator = new KafkaCommandAuthenticator(decoder(null), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> authenticator.authenticate(bearer("t1")))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("no expiry");
        assertThatThrownBy(() -> authenticator.authenticate(bearer("t1")))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> authenticator.authenticate(bearer("forged")))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> authenticator.authenticate(bearer("forged")))
                .isInstanceOf(UnauthenticatedException.class);

        assertThat(decoded).hasValue(4);
    }

    @Test
    void refusesACommandWhoseTokenExpiredBeforeItWasConsumed() {
        var trust = new StewardSecurityProperties(TestTokens.ISSUER, DevTokens.AUDIENCE, null,
                TestTokens.properties().get("steward.security.public-key-location"), false, Duration.ZERO);
        var authenticator = new KafkaCommandAuthenticator(TokenValidation.decoder(trust));
        var claims = DevTokens.Claims.app("sync-app", "Sync", List.of("OnPremDirectorySynchronization.ReadWrite.All"));
        String token = TestTokens.issued(Instant.now(), Duration.ofSeconds(2), claims);

        assertThat(authenticator.authenticate(bearer(token)).appId()).isEqualTo("sync-app");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                        .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("expired"));
    }
}
