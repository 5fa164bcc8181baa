package dev.steward.selfservice.membership.command;

import dev.steward.contracts.event.GroupKind;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * My Groups manages only security and Microsoft 365 groups whose Source of Authority is the cloud. Mail-enabled
 * security and distribution groups belong to the mail system, dynamic groups compute their members, and a group
 * still mastered in Active Directory is read-only here.
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
        if (group.isMasteredOnPremises()) {
            throw refused("Group '" + group.displayName() + "' is mastered on-premises (its Source of Authority is "
                    + "Active Directory): its membership cannot be managed in My Groups until its Source of "
                    + "Authority moves to the cloud.");
        }
    }

    private static MembershipRequestRefused refused(String message) {
        return new MembershipRequestRefused(RefusalReason.GROUP_NOT_MANAGEABLE, message);
    }
}
