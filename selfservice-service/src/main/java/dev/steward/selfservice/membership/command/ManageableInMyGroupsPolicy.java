package dev.steward.selfservice.membership.command;

import dev.steward.contracts.event.GroupKind;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * My Groups manages only security and Microsoft 365 groups whose Source of Authority is the cloud. Mail-enabled
 * security and distribution groups belong to the mail system, dynamic groups compute their members, and a group
 * mastered in Active Directory is read-only here. That includes a group whose Source of Authority was rolled back to
 * AD but that the sync engine has not taken over yet: the administrator handed it back to AD, cloud-only changes
 * should be gone before a rollback, and the takeover would overwrite anything added now. A group created in the
 * cloud (no on-premises anchor) and a synced group whose Source of Authority moved to the cloud are manageable.
 */
@Component
public class ManageableInMyGroupsPolicy {

    /** @throws MembershipRequestRefused saying why the group cannot be managed in My Groups */
    public void check(KnownGroup group) {
        if (group.kind() == GroupKind.MAIL_ENABLED_SECURITY) {
            throw refused("Group '" + group.displayName() + "' is a mail-enabled security group: it is managed in "
                    + "the mail system, not in My Groups.");
        }
        if (group.kind() == GroupKind.DISTRIBUTION) {
            throw refused("Group '" + group.displayName() + "' is a distribution group: it is managed in the mail "
                    + "system, not in My Groups.");
        }
        if (group.isDynamic()) {
            throw refused("Group '" + group.displayName() + "' has dynamic membership: its members come from its "
                    + "membership rule, so nobody can request to join it.");
        }
        if (group.isAwaitingTakeoverBySync()) {
            throw refused("Group '" + group.displayName() + "' is mastered on-premises: its Source of Authority was "
                    + "rolled back to Active Directory, and the next sync cycle overwrites its membership with AD's. "
                    + "Its membership cannot be managed in My Groups unless its Source of Authority moves to the "
                    + "cloud again.");
        }
        if (group.isMasteredOnPremises()) {
            throw refused("Group '" + group.displayName() + "' is mastered on-premises (its Source of Authority is "
                    + "Active Directory): its membership cannot be managed in My Groups until its Source of "
                    + "Authority moves to the cloud.");
        }
    }

    /** Whether the group can be managed in My Groups ({@link #check} says why not). */
    public boolean allows(KnownGroup group) {
        try {
            check(group);
            return true;
        } catch (MembershipRequestRefused e) {
            return false;
        }
    }

    private static MembershipRequestRefused refused(String message) {
        return new MembershipRequestRefused(RefusalReason.GROUP_NOT_MANAGEABLE, message);
    }
}
