package dev.steward.selfservice.membership.command;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequest;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Who may decide or withdraw a request. Only a signed-in user (a delegated token with
 * {@code GroupMember.ReadWrite.All} or {@code Group.ReadWrite.All}): a decision is a person's. A current owner of the
 * group or a group administrator approves or rejects, but never their own request; only the requester cancels.
 */
@Component
public class DecisionPermission {

    /** @throws AccessDeniedException when the caller cannot change requests at all */
    public void checkSignedInWriter(Caller caller) {
        if (!caller.isDelegated()
                || !caller.hasAnyPermission(Permissions.GROUP_MEMBER_READWRITE_ALL, Permissions.GROUP_READWRITE_ALL)) {
            throw new AccessDeniedException();
        }
    }

    /** @throws AccessDeniedException when the caller may not approve or reject this request */
    public void checkMayDecide(Caller caller, MembershipRequest request, Collection<String> currentOwnerIds) {
        checkSignedInWriter(caller);
        if (caller.userId().equals(request.requesterId())) {
            throw new AccessDeniedException();
        }
        if (!currentOwnerIds.contains(caller.userId()) && !caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)) {
            throw new AccessDeniedException();
        }
    }

    /**
     * The second stage: a current direct member of the request's approver group, or a group administrator, decides;
     * never the requester. Owners who are not in the approver group decided the first stage and no longer decide.
     *
     * @throws AccessDeniedException when the caller may not approve or reject this request's second stage
     */
    public void checkMayDecideSecondStage(Caller caller, MembershipRequest request,
                                          Collection<String> approverGroupMemberIds) {
        checkSignedInWriter(caller);
        if (caller.userId().equals(request.requesterId())) {
            throw new AccessDeniedException();
        }
        if (!approverGroupMemberIds.contains(caller.userId())
                && !caller.hasAnyDirectoryRole(DirectoryRoles.GROUP_ADMINS)) {
            throw new AccessDeniedException();
        }
    }

    /** @throws AccessDeniedException when the caller is not the requester */
    public void checkMayCancel(Caller caller, MembershipRequest request) {
        checkSignedInWriter(caller);
        if (!caller.userId().equals(request.requesterId())) {
            throw new AccessDeniedException();
        }
    }
}
