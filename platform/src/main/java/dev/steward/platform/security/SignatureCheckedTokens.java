package dev.steward.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that checks a token's signature once and its claims every time. A client calls with the same
 * token for minutes; verifying its RSA signature on every request is the costly part of validation. The outcome of the
 * signature check (the parsed token) is remembered under the SHA-256 of the whole token, so only the very same bytes
 * find it (a token with another signature or other claims is another key and is checked in full). The claims
 * validator ({@code exp} within the clock skew, {@code nbf}, {@code iss}, {@code aud}) runs on every call, cached or
 * not, so a token is refused the moment it expires, whenever it was first seen.
 * <p>
 * Only tokens that passed both checks are remembered, at most {@value #REMEMBERED} (the map is emptied when full), and
 * each for at most {@link #SIGNATURE_TRUSTED_FOR} and never past its {@code exp}: a signing key removed from the
 * issuer's key set stops being honoured within that time, as the decoder's own key set cache would allow. Steward has
 * no token revocation list (tokens are short-lived, DOMAIN.md §6, platform README "Security"); should one be added, it
 * is checked with the claims, on every call.
 */
final class SignatureCheckedTokens implements JwtDecoder {

    static final int REMEMBERED = 10_000;
    static final Duration SIGNATURE_TRUSTED_FOR = Duration.ofMinutes(5);
    private static final String DECODING_ERROR_MESSAGE_TEMPLATE =
            "An error occurred while attempting to decode the Jwt: %s";

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    /**
     * @param signatureOnly a decoder that parses and verifies the signature and validates nothing else
     * @param claims        the claims checks, run on every call
     */
    SignatureCheckedTokens(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> claims, Clock clock) {
        this.signatureOnly = signatureOnly;
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return signatureOnly.decode(null);
        }
        String key = sha256(token);
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && now.isBefore(known.until())) {
            validateClaims(known.jwt());
            return known.jwt();
        }
        if (known != null) {
            verified.remove(key);
        }
        Jwt jwt = signatureOnly.decode(token);
        validateClaims(jwt);
        remember(key, jwt, now);
        return jwt;
    }

    int remembered() {
        return verified.size();
    }

    private void validateClaims(Jwt jwt) {
        OAuth2TokenValidatorResult result = claims.validate(jwt);
        if (result.hasErrors()) {
            String message = result.getErrors().stream().map(OAuth2Error::getDescription)
                    .filter(description -> description != null && !description.isEmpty()).findFirst()
                    .map(description -> String.format(DECODING_ERROR_MESSAGE_TEMPLATE, description))
                    .orElse("Unable to validate Jwt");
            throw new JwtValidationException(message, result.getErrors());
        }
    }

    private void remember(String key, Jwt jwt, Instant now) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        Instant until = jwt.getExpiresAt().isBefore(now.plus(SIGNATURE_TRUSTED_FOR)) ? jwt.getExpiresAt()
                : now.plus(SIGNATURE_TRUSTED_FOR);
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(key, new Verified(jwt, until));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
