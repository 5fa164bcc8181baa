package dev.steward.directory.kafka;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CommandResult.ContractCommandRef;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryCommands;
import dev.steward.directory.common.DirectoryError;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.KafkaCommandAuthenticator;
import dev.steward.platform.security.UnauthenticatedException;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directory commands from Kafka ({@value Topics#DIRECTORY_COMMANDS}). Each is authenticated by its bearer token,
 * authorised by the same policy as its HTTP counterpart, executed at most once per command id, and answered with
 * exactly one {@link CommandResult} on {@value Topics#DIRECTORY_COMMAND_RESULTS}. A record that is not a
 * directory command is thrown back, and the platform's error handler dead-letters it with the reason.
 */
@Component
class DirectoryCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCommandListener.class);

    private final KafkaCommandAuthenticator authenticator;
    private final DirectoryCommands commands;
    private final CommandOutcomes outcomes;
    private final ContractPublisher publisher;
    private final TransactionTemplate transactions;
    private final MembershipReadModel memberships;
    private final String mailDomain;
    private final Clock clock;

    DirectoryCommandListener(KafkaCommandAuthenticator authenticator, DirectoryCommands commands,
                             CommandOutcomes outcomes, ContractPublisher publisher, TransactionTemplate transactions,
                             MembershipReadModel memberships, Clock clock,
                             @Value("${steward.directory.mail-domain:corp.example.test}") String mailDomain) {
        this.memberships = memberships;
        this.mailDomain = mailDomain;
        this.authenticator = authenticator;
        this.commands = commands;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @KafkaListener(id = "directory-commands", idIsGroup = false, topics = Topics.DIRECTORY_COMMANDS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof ContractCommand command)) {
            throw new IllegalArgumentException("record is not a command: "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        DirectoryCommandTranslation translation = DirectoryCommandTranslation.of(command, memberships, mailDomain);
        ContractCommandRef ref = new ContractCommandRef(command.metadata().commandId(),
                MessageTypes.nameOf(command.getClass()), command.metadata().correlationId(), command.key());

        Optional<CommandOutcomes.Outcome> earlier = outcomes.find(ref.commandId());
        if (earlier.isPresent()) {
            log.info("command {} was consumed before; not executed again", ref.commandId());
            if (!earlier.get().published()) {
                publish(earlier.get().result());
            }
            return;
        }
        CommandResult result = execute(record, translation, ref);
        if (result != null) {
            publish(result);
        }
    }

    /** The command's result, or null if a concurrent delivery of the same command recorded one first. */
    private CommandResult execute(ConsumerRecord<String, ContractMessage> record,
                                  DirectoryCommandTranslation translation, ContractCommandRef ref) {
        Caller caller;
        try {
            caller = authenticator.authenticate(record.headers());
        } catch (UnauthenticatedException e) {
            return recordRejection(CommandResult.rejected(ref, UnauthenticatedException.CODE, e.getMessage(),
                    clock.instant()));
        }
        if (!translation.policy().test(caller)) {
            return recordRejection(CommandResult.rejected(ref, AccessDeniedException.CODE, AccessDeniedException.MESSAGE,
                    clock.instant()));
        }
        CommandOrigin origin = new CommandOrigin(
                ref.correlationId() != null ? ref.correlationId() : ref.commandId().toString(), caller.toInitiator());
        CommandResult[] rejected = new CommandResult[1];
        CommandResult succeeded = transactions.execute(status -> {
            try {
                commands.send(translation.command(), origin);
            } catch (CommandExecutionException e) {
                DirectoryError error = DirectoryError.of(e).orElseThrow(() -> e);
                rejected[0] = CommandResult.rejected(ref, error.code().graphCode(), error.message(), clock.instant());
                status.setRollbackOnly();
                return null;
            }
            CommandResult result = CommandResult.succeeded(ref, clock.instant());
            if (!outcomes.record(result)) {
                status.setRollbackOnly();
                return null;
            }
            return result;
        });
        if (rejected[0] != null) {
            return recordRejection(rejected[0]);
        }
        return succeeded;
    }

    private CommandResult recordRejection(CommandResult result) {
        log.info("command {} ({}) rejected: {} {}", result.commandId(), result.commandType(), result.errorCode(),
                result.message());
        return Boolean.TRUE.equals(transactions.execute(status -> outcomes.record(result))) ? result : null;
    }

    private void publish(CommandResult result) {
        publisher.publish(Topics.DIRECTORY_COMMAND_RESULTS, result);
        outcomes.markPublished(result.commandId());
    }
}
