package dev.steward.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
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

    public static JwtDecoder decoder(StewardSecurityProperties properties) {
        if (!properties.localStack() && DevTokens.ISSUER.equals(properties.issuer())) {
            throw new IllegalStateException("the development token issuer is accepted only in the local stack "
                    + "(steward.security.local-stack=true)");
        }
        NimbusJwtDecoder decoder;
        if (hasText(properties.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (hasText(properties.publicKeyLocation())) {
            decoder = NimbusJwtDecoder.withPublicKey(DevTokens.readPublicKey(read(properties.publicKeyLocation()))).build();
        } else if (hasText(properties.issuer())) {
            decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
        } else {
            throw new IllegalStateException("configure how tokens are validated: steward.security.jwk-set-uri, "
                    + "steward.security.public-key-location or steward.security.issuer");
        }
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(StewardSecurityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(devTokensOnlyInLocalStack(properties.localStack()));
        if (hasText(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (hasText(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** A token from the development key is refused by any service that is not part of the local stack. */
    static OAuth2TokenValidator<Jwt> devTokensOnlyInLocalStack(boolean localStack) {
        return jwt -> {
            boolean devToken = jwt.getIssuer() != null && DevTokens.ISSUER.equals(jwt.getIssuer().toString());
            return devToken && !localStack
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "development tokens are accepted only by the local stack", null))
                    : OAuth2TokenValidatorResult.success();
        };
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
