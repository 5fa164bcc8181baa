package dev.steward.directory.policy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;

/**
 * Who may assign and remove users' licences ({@code assignLicense}), as in Graph: {@code LicenseAssignment.ReadWrite.All},
 * {@code User.ReadWrite.All} or {@code Directory.ReadWrite.All}; a signed-in user must in addition hold Global, User
 * or License Administrator.
 */
public final class LicenseAssignmentPolicy {

    private LicenseAssignmentPolicy() {
    }

    public static boolean allows(Caller caller) {
        return caller.hasAnyPermission(Permissions.LICENSE_ASSIGNMENT_READWRITE_ALL, Permissions.USER_READWRITE_ALL,
                Permissions.DIRECTORY_READWRITE_ALL)
                && (!caller.isDelegated() || caller.hasAnyDirectoryRole(DirectoryRoles.LICENSE_ADMINS));
    }

    public static void check(Caller caller) {
        if (!allows(caller)) {
            throw new AccessDeniedException();
        }
    }
}
