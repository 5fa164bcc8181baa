package dev.steward.selfservice.membership.query;

import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.membership.MembershipRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who takes part in deciding a request now: the group's current owners, and for a request that reached the second
 * stage the current direct members of its approver group. They (with the requester and group administrators) may see
 * it ({@link RequestVisibilityPolicy}).
 */
@Component
public class RequestParticipants {

    private final GroupDirectory groups;

    public RequestParticipants(GroupDirectory groups) {
        this.groups = groups;
    }

    public Set<String> of(MembershipRequest request) {
        return of(request, groups.ownerIds(request.groupId()));
    }

    /** As {@link #of(MembershipRequest)}, with the group's current owners already read. */
    public Set<String> of(MembershipRequest request, List<String> currentOwnerIds) {
        Set<String> participants = new LinkedHashSet<>(currentOwnerIds);
        participants.addAll(secondStageApprovers(request));
        return participants;
    }

    /** The current direct members of the request's approver group; none for a single-stage request. */
    public List<String> secondStageApprovers(MembershipRequest request) {
        return request.secondStageApproverGroupId() == null ? List.of()
                : groups.directMemberIds(request.secondStageApproverGroupId());
    }
}
