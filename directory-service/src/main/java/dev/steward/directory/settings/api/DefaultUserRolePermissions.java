package dev.steward.directory.settings.api;

/** What ordinary users may do by default ({@code authorizationPolicy.defaultUserRolePermissions}). */
public record DefaultUserRolePermissions(
        boolean allowedToCreateApps,
        boolean allowedToCreateSecurityGroups,
        boolean allowedToCreateTenants,
        boolean allowedToReadBitlockerKeysForOwnedDevice,
        boolean allowedToReadOtherUsers) {

    /** Entra's values for a new tenant: everything allowed. */
    public static final DefaultUserRolePermissions DEFAULTS =
            new DefaultUserRolePermissions(true, true, true, true, true);
}
