package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.directory.DirectMembership;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * Whether this user may ask to join this group. Today: not if they are already a member. The user's licence and
 * the group's join policy belong here too.
 */
@Component
public class JoinEligibilityPolicy {

    private final DirectMembership membership;

    public JoinEligibilityPolicy(DirectMembership membership) {
        this.membership = membership;
    }

    /** @throws MembershipRequestRefused when the user cannot request to join the group */
    public void check(KnownGroup group, String requesterId) {
        if (membership.isDirectMember(group.id(), requesterId)) {
            throw new MembershipRequestRefused(RefusalReason.ALREADY_A_MEMBER,
                    "User '" + requesterId + "' is already a member of group '" + group.displayName() + "'.");
        }
    }
}
