package dev.steward.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code steward.client.*}: how a service obtains its own tokens with the OAuth2 client credentials grant. Without
 * {@code id} the service has no {@link ServiceTokens}.
 *
 * @param id       the service's client id at the issuer
 * @param secret   its client secret (pass it in the environment, e.g. {@code STEWARD_CLIENT_SECRET}, never on a
 *                 command line)
 * @param tokenUri the issuer's token endpoint, e.g. {@code http://127.0.0.1:9000/oauth2/token}
 * @param scope    the scope to ask for, if the issuer needs one (Entra: {@code api://steward/.default})
 */
@ConfigurationProperties("steward.client")
public record ServiceClientProperties(String id, String secret, String tokenUri, String scope) {
}
