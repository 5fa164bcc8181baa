package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;

/**
 * Who may write AD objects into the directory ({@code SyncGroup}, {@code SyncUser}): only an application holding the
 * {@code OnPremDirectorySynchronization.ReadWrite.All} application role, i.e. the sync engine. No user may, whatever
 * their scopes or roles.
 */
public final class DirectorySyncPolicy {

    private DirectorySyncPolicy() {
    }

    public static boolean allows(Caller caller) {
        return !caller.isDelegated()
                && caller.roles().contains(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL);
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
