package dev.steward.launcher.token;

import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.List;
import java.util.Locale;

/**
 * What a user's token grants by default in the local stack: the seeded admin is a Groups Administrator with every
 * delegated permission of the walking skeleton; everyone else reads groups and manages memberships.
 */
public record Grants(List<String> scopes, List<String> roles, List<String> wids) {

    public static final String ADMIN_UPN = "admin@corp.example.test";

    public static final List<String> ADMIN_SCOPES = List.of(
            Permissions.GROUP_READWRITE_ALL,
            Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL,
            Permissions.GROUP_MEMBER_READWRITE_ALL,
            Permissions.DIRECTORY_READ_ALL,
            Permissions.AUDIT_LOG_READ_ALL,
            Permissions.SYNCHRONIZATION_READWRITE_ALL,
            Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL);
    public static final List<String> USER_SCOPES = List.of(
            Permissions.GROUP_READ_ALL,
            Permissions.GROUP_MEMBER_READWRITE_ALL,
            "User.Read");

    public Grants {
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
        wids = List.copyOf(wids);
    }

    public static Grants defaultFor(String userPrincipalName) {
        if (ADMIN_UPN.equals(userPrincipalName.toLowerCase(Locale.ROOT))) {
            return new Grants(ADMIN_SCOPES, List.of(), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        }
        return new Grants(USER_SCOPES, List.of(), List.of());
    }

    public Grants withScopes(List<String> scopes) {
        return new Grants(scopes, roles, wids);
    }

    public Grants withRoles(List<String> roles) {
        return new Grants(scopes, roles, wids);
    }

    public Grants withWids(List<String> wids) {
        return new Grants(scopes, roles, wids);
    }
}
