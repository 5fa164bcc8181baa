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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return applyAll(List.of(result)) == 1;
    }

    /**
     * Applies a poll's results in one transaction, with the outcome of {@link #apply} of each in turn: the commands'
     * rows are locked and answered with one query and one batched update, their approved requests locked with one
     * query and moved with batched updates. Answers how many results were this service's, seen for the first time.
     */
    @Transactional
    public int applyAll(List<CommandResult> results) {
        List<DirectoryCommands.AnsweredResult> answered = commands.recordAnswers(results);
        Map<String, DirectoryCommands.AnsweredResult> byRequest = new LinkedHashMap<>();
        for (DirectoryCommands.AnsweredResult answer : answered) {
            DirectoryCommands.Answered command = answer.command();
            CommandResult result = answer.result();
            if (result.status() == CommandResult.Status.REJECTED) {
                log.info("the directory refused {} {} of {} to group {}: {} {}", command.commandType(),
                        command.commandId(), command.memberId(), command.groupId(), result.errorCode(),
                        result.message());
            }
            if (command.requestId() != null) {
                // A request has one add command; should two answered commands name one request, the first wins.
                byRequest.putIfAbsent(command.requestId(), answer);
            }
        }
        if (byRequest.isEmpty()) {
            return answered.size();
        }
        Map<String, MembershipRequest> approved = new LinkedHashMap<>();
        requests.findAllForUpdate(byRequest.keySet()).forEach((id, request) -> {
            if (request.status() == RequestStatus.APPROVED) {
                approved.put(id, request);
            }
        });
        Map<String, String> correlationIds = requests.correlationIds(approved.keySet().stream()
                .filter(id -> byRequest.get(id).result().correlationId() == null).toList());
        Instant now = Timestamps.stored(clock.instant());
        Map<String, Transition> completed = new LinkedHashMap<>();
        Map<String, Transition> refused = new LinkedHashMap<>();
        approved.forEach((id, request) -> {
            CommandResult result = byRequest.get(id).result();
            if (result.status() == CommandResult.Status.SUCCEEDED) {
                completed.put(id, Transition.closed(now));
            } else {
                refused.put(id, Transition.addRefused(now, result.errorCode(), result.message()));
            }
        });
        List<String> unchanged = new ArrayList<>(
                requests.transitionAll(RequestStatus.APPROVED, RequestStatus.COMPLETED, completed));
        unchanged.addAll(requests.transitionAll(RequestStatus.APPROVED, RequestStatus.ADD_REFUSED, refused));
        if (!unchanged.isEmpty()) {
            throw new IllegalStateException("requests " + unchanged + " changed under their row locks");
        }
        approved.forEach((id, request) -> {
            DirectoryCommands.AnsweredResult answer = byRequest.get(id);
            CommandResult result = answer.result();
            String correlationId = result.correlationId() != null ? result.correlationId()
                    : correlationIds.getOrDefault(id, id);
            RequestEvents.Cause cause = new RequestEvents.Cause(now,
                    Initiator.user(answer.command().initiatorId(), null, null), correlationId);
            if (result.status() == CommandResult.Status.SUCCEEDED) {
                events.completed(request, answer.command().commandId(), cause);
            } else {
                events.addRefused(request, answer.command().commandId(), result.errorCode(), result.message(), cause);
            }
        });
        return answered.size();
    }
}
