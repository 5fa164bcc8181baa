package dev.steward.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are validated: by a JWK set URI (any OIDC provider), an issuer's discovery document, or a fixed
 * public key. {@code localStack} lets the development key's tokens in; nothing else does.
 *
 * @param issuer            expected {@code iss}; also used for OIDC discovery when no key source is given
 * @param audience          expected {@code aud}, if set
 * @param jwkSetUri         the provider's JWK set
 * @param publicKeyLocation a PEM (X.509 SubjectPublicKeyInfo) RSA public key, e.g. {@code file:.steward/dev-signing-key.pub.pem}
 * @param localStack        true only in the one-command local stack
 */
@ConfigurationProperties("steward.security")
public record StewardSecurityProperties(
        String issuer,
        String audience,
        String jwkSetUri,
        String publicKeyLocation,
        boolean localStack) {
}
