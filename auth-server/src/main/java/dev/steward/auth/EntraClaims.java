package dev.steward.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Gives access tokens the claims Steward's services read, shaped as Entra ID issues them: {@code aud}, {@code tid},
 * {@code oid}, {@code appid}, {@code app_displayname}; an application token ({@code client_credentials}) carries its
 * {@code roles}; a user's token carries {@code scp} (the granted scopes, space-separated), {@code upn},
 * {@code preferred_username}, {@code name}, {@code wids} and, if the user has any, {@code roles}.
 */
final class EntraClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String WIDS_PARAMETER = "steward_wids";
    static final String ROLES_PARAMETER = "steward_roles";
    static final String LIFETIME_PARAMETER = "steward_lifetime";

    private final AuthServerProperties properties;
    private final UserFile users;

    EntraClaims(AuthServerProperties properties, UserFile users) {
        this.properties = properties;
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        JwtClaimsSet.Builder claims = context.getClaims()
                .audience(List.of(properties.audience()))
                .claim("tid", properties.tenantId())
                .claim("appid", client.getClientId())
                .claim("app_displayname", displayName(client));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim("oid", client.getClientId())
                    .claim("roles", client.getClientSettings().<List<String>>getSetting(AuthorizationServerConfiguration.ROLES));
            return;
        }
        String name = context.getPrincipal().getName();
        UserFile.User user = users.find(name)
                .orElseThrow(() -> new IllegalStateException("the signed-in user " + name + " is no longer known"));
        Map<String, Object> overrides = overrides(context.getAuthorization());
        List<String> wids = words(overrides.get(WIDS_PARAMETER)).orElse(user.wids());
        List<String> roles = words(overrides.get(ROLES_PARAMETER)).orElse(user.roles());
        claims.subject(user.objectId())
                .claim("oid", user.objectId())
                .claim("upn", user.userPrincipalName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("name", user.displayName())
                .claim("scp", String.join(" ", context.getAuthorizedScopes()))
                .claim("wids", wids);
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        Object lifetime = overrides.get(LIFETIME_PARAMETER);
        if (lifetime != null) {
            Duration asked = lifetime(lifetime.toString());
            claims.claims(values -> values.put("exp", ((Instant) values.get("iat")).plus(asked)));
        }
    }

    private static String displayName(RegisteredClient client) {
        Object name = client.getClientSettings().getSetting(AuthorizationServerConfiguration.DISPLAY_NAME);
        return name == null ? client.getClientName() : name.toString();
    }

    /** The development parameters of the authorization request, when this server honours them. */
    private Map<String, Object> overrides(OAuth2Authorization authorization) {
        if (!properties.developmentOverrides() || authorization == null) {
            return Map.of();
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request == null ? Map.of() : request.getAdditionalParameters();
    }

    private Duration lifetime(String text) {
        try {
            Duration lifetime = Duration.parse(text);
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(properties.maxUserTokenLifetime()) > 0) {
                throw new IllegalArgumentException(LIFETIME_PARAMETER + " must be positive and at most "
                        + properties.maxUserTokenLifetime());
            }
            return lifetime;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(LIFETIME_PARAMETER + " must be an ISO-8601 duration", e);
        }
    }

    private static java.util.Optional<List<String>> words(Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Arrays.stream(value.toString().trim().split("[\\s,]+"))
                .filter(word -> !word.isEmpty()).toList());
    }
}
