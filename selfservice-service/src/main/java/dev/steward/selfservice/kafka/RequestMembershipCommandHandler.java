package dev.steward.selfservice.kafka;

import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CommandResult.ContractCommandRef;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.KafkaCommandAuthenticator;
import dev.steward.platform.security.UnauthenticatedException;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequestDraft;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.command.MembershipRequestService;
import dev.steward.platform.outbox.Outbox;
import java.time.Clock;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@code RequestMembership} command: authenticate its token, then the same application service and policies
 * as {@code POST /mygroups/requests}. In one transaction it records the command id (a redelivered command is not
 * run again and gets no second result), stores the outcome and queues exactly one {@code CommandResult}.
 */
@Component
class RequestMembershipCommandHandler {

    static final String CONSUMER = "selfservice-commands";

    private static final Logger log = LoggerFactory.getLogger(RequestMembershipCommandHandler.class);

    private final KafkaCommandAuthenticator authenticator;
    private final MembershipRequestService service;
    private final ProcessedMessages processed;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RequestMembershipCommandHandler(KafkaCommandAuthenticator authenticator, MembershipRequestService service,
                                    ProcessedMessages processed, Outbox outbox, Clock clock,
                                    PlatformTransactionManager transactions) {
        this.authenticator = authenticator;
        this.service = service;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    void handle(RequestMembership command, Headers headers) {
        transaction.executeWithoutResult(status -> {
            if (!processed.markProcessed(CONSUMER, command.messageId())) {
                log.info("command {} was handled before; dropped", command.messageId());
                return;
            }
            outbox.append(Topics.SELFSERVICE_COMMAND_RESULTS, execute(command, headers));
        });
    }

    private CommandResult execute(RequestMembership command, Headers headers) {
        String correlationId = command.metadata().correlationId() == null
                ? command.metadata().commandId().toString() : command.metadata().correlationId();
        String type = MessageTypes.nameOf(RequestMembership.class);
        ContractCommandRef rejectedRef = new ContractCommandRef(command.metadata().commandId(), type, correlationId, null);
        try {
            Caller caller = authenticator.authenticate(headers);
            MembershipRequest request = service.request(caller, new MembershipRequestDraft(command.groupId(),
                    command.requesterId(), command.justification(), correlationId));
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
}
