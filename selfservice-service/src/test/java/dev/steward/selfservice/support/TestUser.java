package dev.steward.selfservice.support;

import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.util.List;
import java.util.UUID;

/** A user of one test, with a fresh id, and tokens for them. */
public record TestUser(String id, String userPrincipalName) {

    /** What the seed users alice and bob get from {@code ./steward token}. */
    public static final List<String> USER_SCOPES = List.of(Permissions.GROUP_READ_ALL,
            Permissions.GROUP_MEMBER_READWRITE_ALL, "User.Read");

    public static TestUser named(String name) {
        String id = UUID.randomUUID().toString();
        return new TestUser(id, name + "-" + id.substring(0, 8) + "@corp.example.test");
    }

    /** A signed-in user with the seed users' scopes and no directory role. */
    public String token() {
        return TestTokens.user(id, userPrincipalName, USER_SCOPES, List.of());
    }

    public String token(List<String> scopes, String... wids) {
        return TestTokens.user(id, userPrincipalName, scopes, List.of(wids));
    }
}
