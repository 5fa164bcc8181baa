package dev.steward.launcher.token;

import dev.steward.launcher.Arguments;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.stack.DevKeys;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./steward token --user <upn> [--scp "a b"] [--roles "x y"] [--wids "id1 id2"] [--lifetime PT8H]}: prints a
 * bearer token for a user of the directory, signed with the stack's development key. {@code --scp}, {@code --roles}
 * and {@code --wids} replace the user's defaults ({@link Grants}); an empty string clears them.
 */
public final class TokenCommand {

    static final Set<String> FLAGS = Set.of("user", "scp", "roles", "wids", "lifetime", "data-dir", "repo-root");
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private TokenCommand() {
    }

    public static String run(List<String> args, Clock clock) {
        Arguments arguments = Arguments.parse(args, FLAGS, Set.of());
        StackLayout layout = StackOptions.layout(arguments);
        String upn = arguments.value("user").orElseThrow(() -> LauncherException.usage(
                "which user? ./steward token --user admin@corp.example.test"));
        return mint(layout, upn, arguments, clock);
    }

    static String mint(StackLayout layout, String upn, Arguments arguments, Clock clock) {
        SeedUsers users = SeedUsers.of(layout.directorySnapshot());
        SeedUser user = users.find(upn).orElseThrow(() -> LauncherException.usage("unknown user '" + upn
                + "'; the directory has " + users.all().stream().map(SeedUser::userPrincipalName)
                .collect(Collectors.joining(", "))));
        Grants grants = Grants.defaultFor(user.userPrincipalName());
        grants = arguments.value("scp").map(TokenCommand::words).map(grants::withScopes).orElse(grants);
        grants = arguments.value("roles").map(TokenCommand::words).map(grants::withRoles).orElse(grants);
        grants = arguments.value("wids").map(TokenCommand::words).map(grants::withWids).orElse(grants);
        Duration lifetime = arguments.value("lifetime").map(TokenCommand::lifetime).orElse(DEFAULT_LIFETIME);
        return new TokenMinter(DevKeys.privateKey(layout), clock).userToken(user, grants, lifetime);
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
            return lifetime;
        } catch (DateTimeParseException e) {
            throw LauncherException.usage("--lifetime must be an ISO-8601 duration such as PT1H, not " + text);
        }
    }
}
