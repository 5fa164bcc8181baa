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
import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.group.api.CreateGroupFromOnPremises;
import dev.steward.directory.group.api.ReferencesObjects;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.group.command.DirectoryObjects;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.settings.query.GroupCreation;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.DeleteUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.directory.user.command.UserDeletion;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.KafkaCommandAuthenticator;
import dev.steward.platform.security.UnauthenticatedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directory commands from Kafka ({@value Topics#DIRECTORY_COMMANDS}), a polled batch at a time. Each command is
 * authenticated by its bearer token, authorised by the same policy as its HTTP counterpart, executed at most once
 * per command id, and answered with exactly one {@link CommandResult} on {@value Topics#DIRECTORY_COMMAND_RESULTS}:
 * the aggregate's version after the command, or the Graph error.
 * <p>
 * A batch runs in one database transaction (its events, read models and outcome rows commit together) and its
 * results are sent together, which is what lets the sync engine's stream land at thousands of commands a second. A
 * rule that refuses one command refuses only that one. If the batch's transaction fails for any other reason (a
 * database error, a concurrent writer), it is rolled back and its commands run again one by one, each in its own
 * transaction. A record that is not a directory command ends the batch there: the commands before it are finished,
 * and the platform's error handler dead-letters that record with the reason and goes on with the rest.
 */
@Component
class DirectoryCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCommandListener.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(DirectoryCommandListener.class);

    private final KafkaCommandAuthenticator authenticator;
    private final DirectoryCommands commands;
    private final CommandOutcomes outcomes;
    private final ContractPublisher publisher;
    private final TransactionTemplate transactions;
    private final MembershipReadModel memberships;
    private final DirectoryObjects directoryObjects;
    private final GroupCreation creation;
    private final Cache groupCache;
    private final Clock clock;
    private final String mailDomain;
    private final BatchedWrites writes;
    private final UserDeletion userDeletion;

    DirectoryCommandListener(KafkaCommandAuthenticator authenticator, DirectoryCommands commands,
                             CommandOutcomes outcomes, ContractPublisher publisher, TransactionTemplate transactions,
                             MembershipReadModel memberships, DirectoryObjects directoryObjects,
                             GroupCreation creation,
                             @Qualifier("groupCache") Cache groupCache, Clock clock,
                             BatchedWrites writes, UserDeletion userDeletion,
                             @Value("${steward.directory.mail-domain:corp.example.test}") String mailDomain) {
        this.authenticator = authenticator;
        this.commands = commands;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.transactions = transactions;
        this.memberships = memberships;
        this.directoryObjects = directoryObjects;
        this.creation = creation;
        this.groupCache = groupCache;
        this.clock = clock;
        this.mailDomain = mailDomain;
        this.writes = writes;
        this.userDeletion = userDeletion;
    }

    /** A command taken from its record, not yet executed. */
    private record Received(ConsumerRecord<String, ContractMessage> record, ContractCommand command,
                            DirectoryCommandTranslation translation, ContractCommandRef ref) {
    }

    @KafkaListener(id = "directory-commands", idIsGroup = false, topics = Topics.DIRECTORY_COMMANDS, batch = "true",
            concurrency = "${steward.directory.command-consumers:3}")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        List<Received> batch = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, ContractMessage> record = records.get(index);
            try {
                batch.add(receive(record));
            } catch (RuntimeException unreadable) {
                finish(batch);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, index);
            }
        }
        finish(batch);
    }

    /** @throws RuntimeException for a record that is not a directory command, with the reason */
    private Received receive(ConsumerRecord<String, ContractMessage> record) {
        var deserialization = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        if (deserialization != null) {
            throw deserialization;
        }
        if (!(record.value() instanceof ContractCommand command)) {
            throw new IllegalArgumentException("record is not a command: "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        DirectoryCommandTranslation translation = DirectoryCommandTranslation.of(command, memberships, creation,
                mailDomain);
        ContractCommandRef ref = new ContractCommandRef(command.metadata().commandId(),
                MessageTypes.nameOf(command.getClass()), command.metadata().correlationId(), command.key());
        return new Received(record, command, translation, ref);
    }

    private void finish(List<Received> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, Received> fresh = new LinkedHashMap<>();
        Map<UUID, CommandOutcomes.Outcome> earlier = outcomes.findAll(batch.stream()
                .map(received -> received.ref().commandId()).collect(Collectors.toSet()));
        List<CommandResult> unpublished = new ArrayList<>();
        for (Received received : batch) {
            UUID commandId = received.ref().commandId();
            CommandOutcomes.Outcome outcome = earlier.get(commandId);
            if (outcome != null) {
                log.info("command {} was consumed before; not executed again", commandId);
                if (!outcome.published()) {
                    unpublished.add(outcome.result());
                }
            } else if (fresh.putIfAbsent(commandId, received) != null) {
                log.info("command {} appears twice in one batch; executed once", commandId);
            }
        }
        List<CommandResult> results = new ArrayList<>(unpublished);
        results.addAll(executeTogether(List.copyOf(fresh.values())));
        publish(results);
    }

    /** All commands in one transaction; one by one if that transaction fails for a reason that is not a rule. */
    private List<CommandResult> executeTogether(List<Received> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Set<String> aggregates = batch.stream().map(received -> received.ref().aggregateId())
                .collect(Collectors.toSet());
        try {
            return transactions.execute(status -> writes.batch(() -> {
                forgetCachedGroupsOnRollback(aggregates);
                Set<String> existing = lookUpTogether(batch, aggregates);
                List<CommandResult> results = new ArrayList<>();
                for (Received received : batch) {
                    results.add(execute(received, existing));
                    writes.commandDone();
                }
                outcomes.recordAll(results);
                return results;
            }));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                return List.of(executeAlone(batch.get(0)));
            }
            log.warn("a batch of {} commands failed together ({}); running them one by one", batch.size(),
                    e.toString());
            return batch.stream().map(this::executeAlone).filter(result -> result != null).toList();
        }
    }

    /**
     * The types of every user and group the batch's commands name, in one query (the directory keeps them for the
     * batch); answers which of the batch's aggregates exist.
     */
    private Set<String> lookUpTogether(List<Received> batch, Set<String> aggregates) {
        Set<String> ids = new HashSet<>(aggregates);
        for (Received received : batch) {
            if (received.translation().command() instanceof ReferencesObjects command) {
                ids.addAll(command.referencedIds());
            }
        }
        Set<String> existing = new HashSet<>(aggregates);
        existing.retainAll(directoryObjects.typesOf(ids).keySet());
        return existing;
    }

    /**
     * One command in its own transaction; a rejection is recorded after that transaction was rolled back. Null if a
     * concurrent delivery of the same command recorded an outcome first.
     */
    private CommandResult executeAlone(Received received) {
        CommandResult result = transactions.execute(status -> {
            forgetCachedGroupsOnRollback(Set.of(received.ref().aggregateId()));
            if (outcomes.find(received.ref().commandId()).isPresent()) {
                return null;
            }
            CommandResult executed = execute(received, null);
            if (executed.status() == CommandResult.Status.REJECTED) {
                status.setRollbackOnly();
            } else {
                outcomes.recordAll(List.of(executed));
            }
            return executed;
        });
        if (result != null && result.status() == CommandResult.Status.REJECTED) {
            return Boolean.TRUE.equals(transactions.execute(status -> outcomes.record(result))) ? result : null;
        }
        return result;
    }

    /**
     * Authenticates, authorises and executes one command in the caller's transaction. A rule's refusal writes
     * nothing (aggregates check before they apply events), so it is answered and the transaction goes on.
     *
     * @param existing the ids of the batch that name existing users or groups (and those the batch created so
     *                 far); a sync of a user or group not among them creates it without looking for its events.
     *                 Null when unknown.
     */
    private CommandResult execute(Received received, Set<String> existing) {
        ContractCommandRef ref = received.ref();
        Caller caller;
        try {
            caller = authenticator.authenticate(received.record().headers());
        } catch (UnauthenticatedException e) {
            return rejected(CommandResult.rejected(ref, UnauthenticatedException.CODE, e.getMessage(), clock.instant()));
        }
        if (!received.translation().policy().test(caller)) {
            return rejected(CommandResult.rejected(ref, AccessDeniedException.CODE, AccessDeniedException.MESSAGE,
                    clock.instant()));
        }
        CommandOrigin origin = new CommandOrigin(
                ref.correlationId() != null ? ref.correlationId() : ref.commandId().toString(), caller.toInitiator());
        try {
            Object command = received.translation().commandFor(caller, creation);
            if (existing != null && command instanceof SyncUserFromOnPremises sync) {
                command = existing.add(sync.userId()) ? new CreateUserFromOnPremises(sync.userId(), sync) : command;
            } else if (existing != null && command instanceof SyncGroupFromOnPremises sync) {
                command = existing.add(sync.groupId()) ? new CreateGroupFromOnPremises(sync.groupId(), sync) : command;
            }
            long version = command instanceof DeleteUserFromOnPremises deletion
                    ? userDeletion.delete(deletion, deletion.userId(), origin)
                    : commands.sendForVersion(command, origin);
            return CommandResult.succeeded(ref, version, clock.instant());
        } catch (CommandExecutionException | dev.steward.directory.common.DirectoryException e) {
            DirectoryError error = DirectoryError.of(e).orElseThrow(() -> e);
            return rejected(CommandResult.rejected(ref, error.code().graphCode(), error.message(), clock.instant()));
        }
    }

    private static CommandResult rejected(CommandResult result) {
        log.info("command {} ({}) rejected: {} {}", result.commandId(), result.commandType(), result.errorCode(),
                result.message());
        return result;
    }

    /**
     * Groups stay cached between commands; the cache takes a group's new state when its command's unit of work
     * commits, which inside a batch is before the batch's transaction does. If that transaction rolls back, the
     * cached groups are forgotten so the next command reads them from the event store.
     */
    private void forgetCachedGroupsOnRollback(Set<String> aggregateIds) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    aggregateIds.forEach(groupCache::remove);
                }
            }
        });
    }

    private void publish(List<CommandResult> results) {
        if (results.isEmpty()) {
            return;
        }
        publisher.publishAll(Topics.DIRECTORY_COMMAND_RESULTS, results);
        outcomes.markAllPublished(results.stream().map(CommandResult::commandId).toList());
    }
}
