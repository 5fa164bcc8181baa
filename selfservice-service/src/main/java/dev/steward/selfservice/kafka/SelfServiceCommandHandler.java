package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.ApproveMembershipRequest;
import dev.steward.contracts.command.CancelMembershipRequest;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CommandResult.ContractCommandRef;
import dev.steward.contracts.command.RejectMembershipRequest;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.platform.outbox.Outbox;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.KafkaCommandAuthenticator;
import dev.steward.platform.security.UnauthenticatedException;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestDraft;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.command.MembershipDecisionService;
import dev.steward.selfservice.membership.command.MembershipRequestService;
import dev.steward.selfservice.settings.TenantRestrictions;
import java.time.Clock;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a self-service command ({@code RequestMembership}, {@code ApproveMembershipRequest},
 * {@code RejectMembershipRequest}, {@code CancelMembershipRequest}): authenticate its token, then the same
 * application services and policies as the HTTP API. In one transaction it records the command id (a redelivered
 * command is not run again and gets no second result), stores the outcome and queues exactly one
 * {@code CommandResult}, whose {@code aggregateId} is the request's id.
 */
@Component
class SelfServiceCommandHandler {

    static final String CONSUMER = "selfservice-commands";

    private static final Logger log = LoggerFactory.getLogger(SelfServiceCommandHandler.class);

    private final KafkaCommandAuthenticator authenticator;
    private final MembershipRequestService requests;
    private final MembershipDecisionService decisions;
    private final TenantRestrictions restrictions;
    private final ProcessedMessages processed;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SelfServiceCommandHandler(KafkaCommandAuthenticator authenticator, MembershipRequestService requests,
                              MembershipDecisionService decisions, TenantRestrictions restrictions,
                              ProcessedMessages processed, Outbox outbox,
                              Clock clock, PlatformTransactionManager transactions) {
        this.authenticator = authenticator;
        this.requests = requests;
        this.decisions = decisions;
        this.restrictions = restrictions;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    void handle(ContractCommand command, Headers headers) {
        transaction.executeWithoutResult(status -> {
            if (!processed.markProcessed(CONSUMER, command.messageId())) {
                log.info("command {} was handled before; dropped", command.messageId());
                return;
            }
            outbox.append(Topics.SELFSERVICE_COMMAND_RESULTS, execute(command, headers));
        });
    }

    private CommandResult execute(ContractCommand command, Headers headers) {
        String correlationId = command.metadata().correlationId() == null
                ? command.metadata().commandId().toString() : command.metadata().correlationId();
        String type = MessageTypes.nameOf(command.getClass());
        ContractCommandRef rejectedRef = new ContractCommandRef(command.metadata().commandId(), type, correlationId,
                requestIdOf(command));
        try {
            Caller caller = authenticator.authenticate(headers);
            restrictions.checkGroupsAccess(caller);
            MembershipRequest request = run(command, caller, correlationId);
            return CommandResult.succeeded(new ContractCommandRef(command.metadata().commandId(), type, correlationId,
                    request.id()), clock.instant());
        } catch (UnauthenticatedException e) {
            return CommandResult.rejected(rejectedRef, UnauthenticatedException.CODE, e.getMessage(), clock.instant());
        } catch (AccessDeniedException e) {
            return CommandResult.rejected(rejectedRef, AccessDeniedException.CODE, AccessDeniedException.MESSAGE,
                    clock.instant());
        } catch (MembershipRequestRefused e) {
            return CommandResult.rejected(rejectedRef, e.reason().graphCode(), e.getMessage(), clock.instant());
        }
    }

    private MembershipRequest run(ContractCommand command, Caller caller, String correlationId) {
        if (command instanceof RequestMembership request) {
            return requests.request(caller, new MembershipRequestDraft(request.groupId(), request.requesterId(),
                    request.justification(), correlationId));
        }
        if (command instanceof ApproveMembershipRequest approve) {
            return decisions.approve(caller, approve.requestId(), correlationId);
        }
        if (command instanceof RejectMembershipRequest reject) {
            return decisions.reject(caller, reject.requestId(), reject.reason(), correlationId);
        }
        if (command instanceof CancelMembershipRequest cancel) {
            return decisions.cancel(caller, cancel.requestId(), correlationId);
        }
        throw new IllegalArgumentException("not a self-service command: " + command.getClass().getSimpleName());
    }

    /** The request a decision names (a refused decision's result still says which request); null for a new one. */
    private static String requestIdOf(ContractCommand command) {
        if (command instanceof ApproveMembershipRequest approve) {
            return approve.requestId();
        }
        if (command instanceof RejectMembershipRequest reject) {
            return reject.requestId();
        }
        if (command instanceof CancelMembershipRequest cancel) {
            return cancel.requestId();
        }
        return null;
    }

    /** Whether this handler runs {@code message}. */
    static boolean handles(Object message) {
        return message instanceof RequestMembership || message instanceof ApproveMembershipRequest
                || message instanceof RejectMembershipRequest || message instanceof CancelMembershipRequest;
    }
}
