package dev.steward.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Builds the one {@link JwtDecoder} a service uses for HTTP requests and Kafka commands alike. */
public final class TokenValidation {

    private TokenValidation() {
    }

    /**
     * @throws IllegalStateException when {@code steward.security.issuer} or {@code steward.security.audience} is
     *                               missing, or no key source can be derived: the service refuses to start
     */
    public static JwtDecoder decoder(StewardSecurityProperties properties) {
        return decoder(properties, Clock.systemUTC());
    }

    /**
     * As {@link #decoder(StewardSecurityProperties)}, on {@code clock}: a token's signature is verified once
     * ({@link SignatureCheckedTokens}), its claims on every call.
     */
    static JwtDecoder decoder(StewardSecurityProperties properties, Clock clock) {
        List<String> missing = new ArrayList<>();
        if (!hasText(properties.issuer())) {
            missing.add("steward.security.issuer (the token issuer every token must name in iss)");
        }
        if (!hasText(properties.audience())) {
            missing.add("steward.security.audience (the audience every token must name in aud)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("token validation is not configured: set " + String.join(" and ", missing)
                    + "; a service never accepts tokens from any issuer or for any audience");
        }
        if (properties.clockSkew().isNegative()) {
            throw new IllegalStateException("steward.security.clock-skew must not be negative");
        }
        if (!properties.localStack() && DevTokens.ISSUER.equals(properties.issuer())) {
            throw new IllegalStateException("the development token issuer is accepted only in the local stack "
                    + "(steward.security.local-stack=true)");
        }
        NimbusJwtDecoder decoder;
        if (hasText(properties.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (hasText(properties.publicKeyLocation())) {
            decoder = NimbusJwtDecoder.withPublicKey(DevTokens.readPublicKey(read(properties.publicKeyLocation()))).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
        }
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new SignatureCheckedTokens(decoder, validator(properties, clock), clock);
    }

    /** {@code exp} required and not passed (within the clock skew), {@code iss} and {@code aud} as configured. */
    static OAuth2TokenValidator<Jwt> validator(StewardSecurityProperties properties, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(properties.issuer()));
        validators.add(new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience())));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static String read(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token public key at " + location, e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
