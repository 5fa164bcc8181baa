package dev.steward.directory.settings.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant's {@code authorizationPolicy}, in Graph's property names. Events carry the whole policy after the
 * change. Only {@code defaultUserRolePermissions.allowedToCreateSecurityGroups} changes what this service does
 * (group creation by ordinary users); the other values are kept and shown as set.
 */
public record AuthorizationPolicy(
        String allowInvitesFrom,
        boolean allowedToSignUpEmailBasedSubscriptions,
        boolean allowedToUseSSPR,
        boolean allowEmailVerifiedUsersToJoinOrganization,
        boolean blockMsolPowerShell,
        DefaultUserRolePermissions defaultUserRolePermissions) {

    /** Entra's values for a new tenant. */
    public static final AuthorizationPolicy DEFAULTS = new AuthorizationPolicy("everyone", true, true, false, false,
            DefaultUserRolePermissions.DEFAULTS);

    /** Graph's values of {@code allowInvitesFrom}. */
    public static final List<String> INVITES_FROM =
            List.of("none", "adminsAndGuestInviters", "adminsGuestInvitersAndAllMembers", "everyone");

    /** The top-level boolean properties a PATCH may set. */
    public static final List<String> BOOLEANS = List.of("allowedToSignUpEmailBasedSubscriptions", "allowedToUseSSPR",
            "allowEmailVerifiedUsersToJoinOrganization", "blockMsolPowerShell");
    /** The {@code defaultUserRolePermissions} a PATCH may set. */
    public static final List<String> DEFAULT_USER_ROLE_PERMISSIONS = List.of("allowedToCreateApps",
            "allowedToCreateSecurityGroups", "allowedToCreateTenants", "allowedToReadBitlockerKeysForOwnedDevice",
            "allowedToReadOtherUsers");

    public AuthorizationPolicy {
        Objects.requireNonNull(allowInvitesFrom, "allowInvitesFrom");
        Objects.requireNonNull(defaultUserRolePermissions, "defaultUserRolePermissions");
    }

    /**
     * The policy with {@code changes} applied: keys are property names, {@code defaultUserRolePermissions.<name>}
     * for the nested ones; values are Booleans, or the text of {@code allowInvitesFrom}. The caller checked them.
     */
    public AuthorizationPolicy with(Map<String, Object> changes) {
        DefaultUserRolePermissions d = defaultUserRolePermissions;
        DefaultUserRolePermissions permissions = new DefaultUserRolePermissions(
                flag(changes, "defaultUserRolePermissions.allowedToCreateApps", d.allowedToCreateApps()),
                flag(changes, "defaultUserRolePermissions.allowedToCreateSecurityGroups",
                        d.allowedToCreateSecurityGroups()),
                flag(changes, "defaultUserRolePermissions.allowedToCreateTenants", d.allowedToCreateTenants()),
                flag(changes, "defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice",
                        d.allowedToReadBitlockerKeysForOwnedDevice()),
                flag(changes, "defaultUserRolePermissions.allowedToReadOtherUsers", d.allowedToReadOtherUsers()));
        return new AuthorizationPolicy(
                (String) changes.getOrDefault("allowInvitesFrom", allowInvitesFrom),
                flag(changes, "allowedToSignUpEmailBasedSubscriptions", allowedToSignUpEmailBasedSubscriptions),
                flag(changes, "allowedToUseSSPR", allowedToUseSSPR),
                flag(changes, "allowEmailVerifiedUsersToJoinOrganization", allowEmailVerifiedUsersToJoinOrganization),
                flag(changes, "blockMsolPowerShell", blockMsolPowerShell),
                permissions);
    }

    private static boolean flag(Map<String, Object> changes, String name, boolean current) {
        Object value = changes.get(name);
        return value == null ? current : (Boolean) value;
    }
}
