package dev.steward.platform.security;

import dev.steward.contracts.Initiator;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller of an HTTP request or a Kafka command, read from a validated token. A delegated
 * call (a user through an app) carries {@code scp}; an app-only call carries {@code roles}; {@code wids} are the
 * signed-in user's directory roles.
 */
public record Caller(
        String userId,
        String userPrincipalName,
        String displayName,
        String appId,
        String appDisplayName,
        String ipAddress,
        Set<String> scopes,
        Set<String> roles,
        Set<String> wids) {

    public Caller {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        wids = Set.copyOf(wids);
    }

    public static Caller from(Jwt jwt) {
        Set<String> scopes = words(jwt.getClaim("scp"));
        Set<String> roles = words(jwt.getClaim("roles"));
        String appId = firstText(jwt.getClaimAsString("appid"), jwt.getClaimAsString("azp"));
        String oid = firstText(jwt.getClaimAsString("oid"), null);
        boolean delegated = !scopes.isEmpty();
        String userId = delegated ? firstText(oid, jwt.getSubject()) : null;
        return new Caller(
                userId,
                delegated ? firstText(jwt.getClaimAsString("upn"), jwt.getClaimAsString("preferred_username")) : null,
                delegated ? jwt.getClaimAsString("name") : null,
                appId,
                jwt.getClaimAsString("app_displayname"),
                jwt.getClaimAsString("ipaddr"),
                scopes,
                roles,
                words(jwt.getClaim("wids")));
    }

    /** True for a user signed in through an app (the token has {@code scp}). */
    public boolean isDelegated() {
        return userId != null;
    }

    /** True when the call carries the permission: as a delegated scope or as an application role. */
    public boolean hasPermission(String permission) {
        return isDelegated() ? scopes.contains(permission) : roles.contains(permission);
    }

    public boolean hasAnyPermission(String... permissions) {
        return Arrays.stream(permissions).anyMatch(this::hasPermission);
    }

    public boolean hasAnyDirectoryRole(Collection<String> roleTemplateIds) {
        return roleTemplateIds.stream().anyMatch(wids::contains);
    }

    /** The caller as it is recorded in events: no credentials, no permissions. */
    public Initiator toInitiator() {
        return new Initiator(userId, userPrincipalName, displayName, appId, appDisplayName, ipAddress);
    }

    private static Set<String> words(Object claim) {
        if (claim instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static String firstText(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** A caller for tests and for services acting on their own behalf. */
    public static Caller app(String appId, String appDisplayName, String... roles) {
        return new Caller(null, null, null, appId, appDisplayName, null, Set.of(), Set.copyOf(List.of(roles)), Set.of());
    }
}
