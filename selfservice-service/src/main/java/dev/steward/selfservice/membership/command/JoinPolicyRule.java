package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * What a request to join becomes under the group's join policy: an open group is joined at once (the request is
 * approved automatically), an owner-approval group's request waits for an owner, and a closed group takes no
 * requests (only its owners add members).
 */
@Component
public class JoinPolicyRule {

    /** @throws MembershipRequestRefused for a closed group */
    public boolean joinsAtOnce(KnownGroup group) {
        if (group.joinPolicy() == JoinPolicy.CLOSED) {
            throw new MembershipRequestRefused(RefusalReason.GROUP_CLOSED, "Group '" + group.displayName()
                    + "' is closed: only its owners add members.");
        }
        return group.joinPolicy() == JoinPolicy.OPEN;
    }
}
