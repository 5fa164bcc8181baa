package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may read and switch a group's Source of Authority ({@code onPremisesSyncBehavior}), over HTTP and Kafka alike.
 * Reading needs a group read permission or {@code Group-OnPremisesSyncBehavior.ReadWrite.All}. Switching needs
 * {@code Group-OnPremisesSyncBehavior.ReadWrite.All}; a signed-in user must in addition hold the Groups
 * Administrator, Hybrid Identity Administrator or Global Administrator role. An app needs the application role.
 */
public final class SourceOfAuthorityPolicy {

    private SourceOfAuthorityPolicy() {
    }

    public static boolean allowsRead(Caller caller) {
        return GroupReadPolicy.allows(caller) || caller.hasPermission(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL);
    }

    public static boolean allowsSwitch(Caller caller) {
        return caller.hasPermission(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.SOURCE_OF_AUTHORITY_ADMINS));
    }

    public static void checkRead(Caller caller) {
        if (!allowsRead(caller)) {
            throw new AccessDeniedException();
        }
    }

    public static void checkSwitch(Caller caller) {
        if (!allowsSwitch(caller)) {
            throw new AccessDeniedException();
        }
    }
}
