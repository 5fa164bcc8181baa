package dev.steward.launcher.token;

import dev.steward.launcher.Arguments;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.auth.AuthorizationCodeLogin;
import dev.steward.launcher.auth.StackUsers;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./steward token --user <upn> [--scp "a b"] [--roles "x y"] [--wids "id1 id2"] [--lifetime PT8H]}: prints a
 * bearer token for a user of the directory, issued by the running stack's authorization server. The command signs
 * the user in with the password the stack generated for them (authorization code grant with PKCE, see
 * {@link AuthorizationCodeLogin}). {@code --scp} replaces the scopes asked for (default: the user's {@link Grants});
 * {@code --roles}, {@code --wids} and {@code --lifetime} are the local stack's development overrides; an empty string
 * clears.
 */
public final class TokenCommand {

    static final Set<String> FLAGS = Set.of("user", "scp", "roles", "wids", "lifetime", "data-dir", "repo-root");

    private TokenCommand() {
    }

    public static String run(List<String> args) {
        Arguments arguments = Arguments.parse(args, FLAGS, Set.of());
        StackLayout layout = StackOptions.layout(arguments);
        String upn = arguments.value("user").orElseThrow(() -> LauncherException.usage(
                "which user? ./steward token --user admin@corp.example.test"));
        SeedUsers users = SeedUsers.of(layout.directorySnapshot());
        SeedUser user = users.find(upn).orElseThrow(() -> LauncherException.usage("unknown user '" + upn
                + "'; the directory has " + users.all().stream().map(SeedUser::userPrincipalName)
                .collect(Collectors.joining(", "))));
        Map<String, String> overrides = new LinkedHashMap<>();
        arguments.value("wids").ifPresent(wids -> overrides.put("steward_wids", String.join(" ", words(wids))));
        arguments.value("roles").ifPresent(roles -> overrides.put("steward_roles", String.join(" ", words(roles))));
        arguments.value("lifetime").ifPresent(lifetime -> overrides.put("steward_lifetime",
                lifetime(lifetime).toString()));
        List<String> scopes = arguments.value("scp").map(TokenCommand::words)
                .orElse(Grants.defaultFor(user.userPrincipalName()).scopes());
        String issuer = AuthServer.runningUrl(layout).orElseThrow(() -> new LauncherException(
                "No stack runs from " + layout.root() + ": start the stack first (./steward up); its authorization "
                        + "server issues the tokens."));
        StackUsers.Entry signIn = StackUsers.ensure(layout, user);
        return new AuthorizationCodeLogin(issuer).login(signIn.userPrincipalName(), signIn.password(),
                String.join(" ", scopes), overrides);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static Duration lifetime(String text) {
        try {
            Duration lifetime = Duration.parse(text);
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw LauncherException.usage("--lifetime must be positive");
            }
            if (lifetime.compareTo(AuthServer.MAX_USER_TOKEN_LIFETIME) > 0) {
                throw LauncherException.usage("--lifetime must be at most " + AuthServer.MAX_USER_TOKEN_LIFETIME);
            }
            return lifetime;
        } catch (DateTimeParseException e) {
            throw LauncherException.usage("--lifetime must be an ISO-8601 duration such as PT1H, not " + text);
        }
    }
}
