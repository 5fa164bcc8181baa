package dev.steward.selfservice.membership.command;

import dev.steward.selfservice.directory.GroupDirectory;
import dev.steward.selfservice.directory.GroupOwnersChanged;
import dev.steward.selfservice.directory.OwnersOfGroupsChanged;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps pending requests routed to every current owner: when the directory adds or removes owners of a group, each
 * of its pending requests gets the new owners as approvers and a {@code MembershipRequestRouted} event, in the read
 * model's transaction. Decided requests keep the approvers they had.
 */
@Component
public class RequestRouting {

    private final GroupDirectory groups;
    private final MembershipRequests requests;
    private final RequestEvents events;
    private final Clock clock;

    public RequestRouting(GroupDirectory groups, MembershipRequests requests, RequestEvents events, Clock clock) {
        this.groups = groups;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** Only groups with pending requests are looked at: one query for all the changed groups. */
    @EventListener
    public void ownersChanged(OwnersOfGroupsChanged changes) {
        Set<String> withPending = requests.groupsWithPendingRequests(
                changes.groups().stream().map(GroupOwnersChanged::groupId).toList());
        changes.groups().stream().filter(change -> withPending.contains(change.groupId())).forEach(this::reroute);
    }

    private void reroute(GroupOwnersChanged change) {
        List<String> owners = groups.ownerIds(change.groupId());
        for (String requestId : requests.pendingIdsOfGroup(change.groupId())) {
            MembershipRequest request = requests.findForUpdate(requestId).orElse(null);
            if (request == null || request.status() != RequestStatus.PENDING
                    || Set.copyOf(request.approverIds()).equals(Set.copyOf(owners))) {
                continue;
            }
            List<String> added = owners.stream().filter(owner -> !request.approverIds().contains(owner)).toList();
            List<String> removed = request.approverIds().stream().filter(old -> !owners.contains(old)).toList();
            requests.replaceApprovers(requestId, owners);
            String correlationId = change.correlationId() != null ? change.correlationId()
                    : requests.correlationId(requestId).orElse(requestId);
            events.routed(request, owners, added, removed, new RequestEvents.Cause(
                    Timestamps.stored(clock.instant()), change.initiator(), correlationId));
        }
    }
}
