package dev.steward.selfservice.membership.query;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Permissions;
import org.springframework.stereotype.Component;

/**
 * Who may read My Groups requests: a signed-in user (a delegated token; My Groups is about "my" requests and
 * approvals, which an application alone does not have) with a permission to read groups or their members.
 */
@Component
public class MyGroupsReadPermission {

    /** @throws AccessDeniedException when the caller may not read My Groups */
    public void check(Caller caller) {
        if (!caller.isDelegated() || !caller.hasAnyPermission(Permissions.GROUP_MEMBER_READ_ALL,
                Permissions.GROUP_MEMBER_READWRITE_ALL, Permissions.GROUP_READ_ALL, Permissions.GROUP_READWRITE_ALL,
                Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL)) {
            throw new AccessDeniedException();
        }
    }
}
