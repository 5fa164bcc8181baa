package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import org.springframework.stereotype.Component;

/**
 * Who may ask to join a group, and for whom. A signed-in user (delegated token with
 * {@code GroupMember.ReadWrite.All} or {@code Group.ReadWrite.All}) requests for themselves; a group administrator
 * ({@link DirectoryRoles#GROUP_ADMINS}) may also request for another user. An application with the app role
 * {@code GroupMember.ReadWrite.All} requests on behalf of a user it names.
 */
@Component
public class MembershipRequestPermission {

    /**
     * The user the request is for.
     *
     * @param requestedRequesterId the user named in the request; null means the caller
     * @throws AccessDeniedException    when the caller may not make this request
     * @throws MembershipRequestRefused when an application names no user
     */
    public String requesterFor(Caller caller, String requestedRequesterId) {
        String named = requestedRequesterId == null || requestedRequesterId.isBlank() ? null : requestedRequesterId;
        if (caller.isDelegated()) {
            if (!caller.hasAnyPermission(Permissions.GROUP_MEMBER_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL)) {
                throw new AccessDeniedException();
            }
            if (named == null || named.equals(caller.userId())) {
                return caller.userId();
            }
            if (!caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)) {
                throw new AccessDeniedException();
            }
            return named;
        }
        if (!caller.roles().contains(Permissions.GROUP_MEMBER_READWRITE_ALL)) {
            throw new AccessDeniedException();
        }
        if (named == null) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST,
                    "An application must name the user it requests membership for in 'requesterId'.");
        }
        return named;
    }
}
