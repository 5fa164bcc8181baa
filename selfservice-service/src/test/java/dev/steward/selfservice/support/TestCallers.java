package dev.steward.selfservice.support;

import dev.steward.platform.security.Caller;
import java.util.List;
import java.util.Set;

/** Callers for policy tests, as the platform reads them from tokens. */
public final class TestCallers {

    private TestCallers() {
    }

    public static Caller user(String userId, List<String> scopes, String... wids) {
        return new Caller(userId, userId + "@corp.example.test", "User " + userId, "cli-app", "Steward CLI", null,
                Set.copyOf(scopes), Set.of(), Set.of(wids));
    }

    public static Caller app(String appId, String... roles) {
        return Caller.app(appId, "test app", roles);
    }
}
