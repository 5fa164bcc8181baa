package dev.steward.selfservice.membership.query;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.selfservice.membership.MembershipRequest;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Who may see one membership request: the requester, the group's current owners and group administrators.
 * Anyone else is told it does not exist, so request ids reveal nothing.
 */
@Component
public class RequestVisibilityPolicy {

    public boolean canView(Caller caller, MembershipRequest request, Collection<String> currentOwnerIds) {
        if (seesEveryRequest(caller)) {
            return true;
        }
        String userId = caller.userId();
        return userId != null && (userId.equals(request.requesterId()) || currentOwnerIds.contains(userId));
    }

    /** Group administrators see every request (and their inbox lists every request waiting for a decision). */
    public boolean seesEveryRequest(Caller caller) {
        return caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS);
    }
}
