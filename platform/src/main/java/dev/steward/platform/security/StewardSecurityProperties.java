package dev.steward.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are validated. {@code issuer} and {@code audience} are required: a service without them refuses to
 * start. Keys come from the issuer's JWK set ({@code jwkSetUri}, or the issuer's discovery document when it is not
 * set), or from a fixed public key (tests). {@code localStack} lets the development key's tokens in; nothing else
 * does.
 *
 * @param issuer            expected {@code iss} (required); also used for OIDC discovery when no key source is given
 * @param audience          expected in {@code aud} (required)
 * @param jwkSetUri         the issuer's JWK set
 * @param publicKeyLocation a PEM (X.509 SubjectPublicKeyInfo) RSA public key, e.g. {@code file:/tmp/public.pem}
 * @param localStack        true only in the one-command local stack
 * @param clockSkew         how far {@code exp} and {@code nbf} may be off this service's clock (default 60 s)
 */
@ConfigurationProperties("steward.security")
public record StewardSecurityProperties(
        String issuer,
        String audience,
        String jwkSetUri,
        String publicKeyLocation,
        boolean localStack,
        @DefaultValue("60s") Duration clockSkew) {

    public StewardSecurityProperties {
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    }
}
