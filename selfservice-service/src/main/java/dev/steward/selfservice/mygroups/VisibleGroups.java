package dev.steward.selfservice.mygroups;

import dev.steward.platform.security.Caller;
import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.membership.command.ManageableInMyGroupsPolicy;
import dev.steward.selfservice.settings.TenantRestrictions;
import org.springframework.stereotype.Component;

/** The groups a caller sees in My Groups: manageable here and not hidden from the caller by the tenant's settings. */
@Component
class VisibleGroups {

    private final ManageableInMyGroupsPolicy manageable;
    private final TenantRestrictions restrictions;
    private final GroupDirectory groups;

    VisibleGroups(ManageableInMyGroupsPolicy manageable, TenantRestrictions restrictions, GroupDirectory groups) {
        this.manageable = manageable;
        this.restrictions = restrictions;
        this.groups = groups;
    }

    boolean isVisible(Caller caller, KnownGroup group) {
        return manageable.allows(group) && restrictions.maySee(caller, group);
    }

    /** @throws MembershipRequestRefused 404 for an unknown group, or one the caller does not see */
    KnownGroup find(Caller caller, String groupId) {
        return groups.find(groupId).filter(group -> isVisible(caller, group))
                .orElseThrow(() -> MembershipRequestRefused.notFound(RefusalReason.GROUP_NOT_FOUND, groupId));
    }
}
