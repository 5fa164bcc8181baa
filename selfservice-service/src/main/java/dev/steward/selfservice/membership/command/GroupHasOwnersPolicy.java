package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/** A request goes to the group's owners for approval: a group without owners cannot take requests. */
@Component
public class GroupHasOwnersPolicy {

    /** @throws MembershipRequestRefused when nobody could approve the request */
    public void check(KnownGroup group) {
        if (group.ownerIds().isEmpty()) {
            throw new MembershipRequestRefused(RefusalReason.GROUP_HAS_NO_OWNERS,
                    "Group '" + group.displayName() + "' has no owners to approve a membership request.");
        }
    }
}
