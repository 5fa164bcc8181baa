package dev.steward.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.auth.*}.
 *
 * @param issuer                the {@code iss} of every token and the base of the endpoints, e.g.
 *                              {@code http://127.0.0.1:9000} (required)
 * @param audience              the {@code aud} of every access token
 * @param tenantId              the {@code tid} of every access token
 * @param serviceTokenLifetime  lifetime of a client credentials token
 * @param userTokenLifetime     lifetime of a user's token (authorization code grant) unless the request asks less
 * @param maxUserTokenLifetime  the longest lifetime a user's token request may ask for
 * @param clients               the services that obtain tokens on their own behalf
 * @param cli                   the public client of {@code ./steward token}
 * @param usersFile             the users who may sign in (JSON, see {@link UserFile}); read at every sign-in
 * @param developmentOverrides  honour {@code steward_wids}, {@code steward_roles} and {@code steward_lifetime} in an
 *                              authorization request (the local stack only: they let a signed-in user choose their
 *                              directory roles)
 */
@ConfigurationProperties("steward.auth")
public record AuthServerProperties(
        String issuer,
        @DefaultValue("api://steward") String audience,
        @DefaultValue("00000000-0000-0000-0000-00000000c0de") String tenantId,
        @DefaultValue("PT10M") Duration serviceTokenLifetime,
        @DefaultValue("PT8H") Duration userTokenLifetime,
        @DefaultValue("P1D") Duration maxUserTokenLifetime,
        @DefaultValue List<ServiceClient> clients,
        @DefaultValue Cli cli,
        Path usersFile,
        boolean developmentOverrides) {

    /**
     * A service's registration: client id (its app id), secret, name and application roles.
     */
    public record ServiceClient(String id, String secret, String displayName, @DefaultValue List<String> roles) {
    }

    /**
     * @param id          the CLI's client id (its app id)
     * @param redirectUri where the authorization code goes; nothing needs to listen there, the CLI reads the redirect
     * @param scopes      the delegated permissions the CLI may ask for
     */
    public record Cli(
            @DefaultValue("5f1c4e2a-7d3b-4a8e-9c6f-0b2d4e6f8a1c") String id,
            @DefaultValue("Steward CLI") String displayName,
            @DefaultValue("http://127.0.0.1/steward-cli/callback") String redirectUri,
            @DefaultValue List<String> scopes) {
    }
}
