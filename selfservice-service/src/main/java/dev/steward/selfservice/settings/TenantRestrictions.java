package dev.steward.selfservice.settings;

import dev.steward.contracts.event.GroupKind;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * The tenant settings applied to a caller; group administrators ({@link DirectoryRoles#GROUP_ADMINS}) are never
 * restricted. Read on every check, so a change is effective at once.
 */
@Component
public class TenantRestrictions {

    private final TenantSettingsStore settings;

    public TenantRestrictions(TenantSettingsStore settings) {
        this.settings = settings;
    }

    public static boolean isAdministrator(Caller caller) {
        return caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS);
    }

    /** @throws AccessDeniedException when the tenant restricts My Groups to administrators */
    public void checkGroupsAccess(Caller caller) {
        if (settings.current().restrictGroupsAccess() && !isAdministrator(caller)) {
            throw new AccessDeniedException();
        }
    }

    /** @throws AccessDeniedException when owners may not manage requests and the caller is no administrator */
    public void checkOwnersManageRequests(Caller caller) {
        if (!settings.current().ownersCanManageRequests() && !isAdministrator(caller)) {
            throw new AccessDeniedException();
        }
    }

    /** Whether the caller may see and edit this group in My Groups under the security-group restriction. */
    public boolean maySee(Caller caller, KnownGroup group) {
        return group.kind() != GroupKind.SECURITY || isAdministrator(caller)
                || !settings.current().restrictSecurityGroups();
    }

    /** @throws MembershipRequestRefused (not found) for a security group hidden from the caller */
    public void checkMaySee(Caller caller, KnownGroup group) {
        if (!maySee(caller, group)) {
            throw MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, group.id());
        }
    }
}
