package dev.steward.selfservice.membership.command;

import dev.steward.contracts.Initiator;
import dev.steward.contracts.command.CommandResult;
import dev.steward.selfservice.directory.Timestamps;
import dev.steward.selfservice.directorycommand.DirectoryCommands;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequests;
import dev.steward.selfservice.membership.MembershipRequests.Transition;
import dev.steward.selfservice.membership.RequestEvents;
import dev.steward.selfservice.membership.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's answers to the member adds and removals self-service sent. An approved request completes when its
 * add succeeded, and shows the directory's refusal (status {@code AddRefused}, code and message) when it did not.
 * Results of other services' commands and repeated results change nothing.
 */
@Service
public class MembershipOutcomes {

    private static final Logger log = LoggerFactory.getLogger(MembershipOutcomes.class);

    private final DirectoryCommands commands;
    private final MembershipRequests requests;
    private final RequestEvents events;
    private final Clock clock;

    public MembershipOutcomes(DirectoryCommands commands, MembershipRequests requests, RequestEvents events,
                              Clock clock) {
        this.commands = commands;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** Answers whether the result was one of this service's commands, seen for the first time. */
    @Transactional
    public boolean apply(CommandResult result) {
        Optional<DirectoryCommands.Answered> answered = commands.recordAnswer(result);
        if (answered.isEmpty()) {
            return false;
        }
        DirectoryCommands.Answered command = answered.get();
        if (result.status() == CommandResult.Status.REJECTED) {
            log.info("the directory refused {} {} of {} to group {}: {} {}", command.commandType(),
                    command.commandId(), command.memberId(), command.groupId(), result.errorCode(), result.message());
        }
        if (command.requestId() == null) {
            return true;
        }
        Optional<MembershipRequest> found = requests.findForUpdate(command.requestId())
                .filter(request -> request.status() == RequestStatus.APPROVED);
        if (found.isEmpty()) {
            return true;
        }
        MembershipRequest request = found.get();
        Instant now = Timestamps.stored(clock.instant());
        String correlationId = result.correlationId() != null ? result.correlationId()
                : requests.correlationId(request.id()).orElse(request.id());
        RequestEvents.Cause cause = new RequestEvents.Cause(now, Initiator.user(command.initiatorId(), null, null),
                correlationId);
        if (result.status() == CommandResult.Status.SUCCEEDED) {
            requests.transition(request.id(), RequestStatus.APPROVED, RequestStatus.COMPLETED, Transition.closed(now));
            events.completed(request, command.commandId(), cause);
        } else {
            requests.transition(request.id(), RequestStatus.APPROVED, RequestStatus.ADD_REFUSED,
                    Transition.addRefused(now, result.errorCode(), result.message()));
            events.addRefused(request, command.commandId(), result.errorCode(), result.message(), cause);
        }
        return true;
    }
}
