package dev.steward.sync.cycle;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.platform.kafka.PollBatch;
import dev.steward.sync.connectorspace.ConnectorSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the directory's verdict on the sync engine's exports. A membership chunk that succeeded becomes part of the
 * group's exported membership. A rejected export counts as failed in its cycle (an object once, however many of its
 * commands were rejected); the connector space gets back the values it held before a rejected SyncUser / SyncGroup,
 * and a rejected chunk was never recorded, so the next cycle exports the object again. A refusal because the group's
 * Source of Authority is in the cloud also blocks the group, as the switch the sync engine missed would have (the next
 * cycle records the skip). Results of other services' commands are ignored.
 * <p>
 * The answers of one poll are handled in one transaction, with batched statements: their commands are claimed
 * ({@link ExportCommands#claim}: an answer counts only while its command's row exists, so a duplicate changes nothing),
 * the rows they touch are locked in anchor order, the confirmed chunks applied together ({@link PollBatch}). A record
 * that cannot be read goes to the dead-letter topic after the answers before it are committed; a poll whose
 * transaction fails is handled again one answer per transaction, so only the answer at fault is retried or
 * dead-lettered.
 */
@Component
public class ExportResultListener {

    /** The directory's error code for a write to an AD-mastered group whose Source of Authority is in the cloud. */
    static final String SOURCE_OF_AUTHORITY_IN_CLOUD = "SourceOfAuthorityInCloud";
    static final String RESOURCE_NOT_FOUND = "Request_ResourceNotFound";
    static final String BAD_REQUEST = "Request_BadRequest";
    /** Graph's (and the directory's) refusal to remove a licence the user does not hold. */
    static final String LICENCE_NOT_HELD = "does not have a corresponding license";

    private static final Logger log = LoggerFactory.getLogger(ExportResultListener.class);

    private final ExportCommands exportCommands;
    private final SyncCycles cycles;
    private final ConnectorSpace connectorSpace;
    private final PollBatch<ConsumerRecord<String, ContractMessage>> poll;

    public ExportResultListener(ExportCommands exportCommands, SyncCycles cycles, ConnectorSpace connectorSpace,
                                TransactionTemplate transaction) {
        this.exportCommands = exportCommands;
        this.cycles = cycles;
        this.connectorSpace = connectorSpace;
        this.poll = PollBatch.of(ExportResultListener::readable,
                readable -> transaction.executeWithoutResult(status -> handle(readable)),
                one -> transaction.executeWithoutResult(status -> handle(List.of(one))));
    }

    @KafkaListener(id = "sync-export-results", idIsGroup = false, topics = Topics.DIRECTORY_COMMAND_RESULTS,
            batch = "true")
    public void on(List<ConsumerRecord<String, ContractMessage>> records) {
        poll.apply(records);
    }

    private static ConsumerRecord<String, ContractMessage> readable(ConsumerRecord<String, ContractMessage> record) {
        DeserializationException notRead = PollBatch.deserializationFailure(record);
        if (notRead != null) {
            throw notRead;
        }
        return record;
    }

    /** The answers, in order, in the caller's transaction. */
    private void handle(List<ConsumerRecord<String, ContractMessage>> records) {
        Map<String, CommandResult> results = new LinkedHashMap<>();
        for (ConsumerRecord<String, ContractMessage> record : records) {
            if (record.value() instanceof CommandResult result) {
                results.putIfAbsent(result.commandId().toString(), result);
            }
        }
        Map<String, ExportCommands.SentCommand> claimed = exportCommands.claim(results.keySet());
        if (claimed.isEmpty()) {
            return;
        }
        connectorSpace.lock(claimed.values().stream()
                .filter(command -> command.membershipChange() != null || command.licenceChange() != null
                        || command.isDeletion()
                        || results.get(command.commandId()).status() == CommandResult.Status.REJECTED)
                .map(ExportCommands.SentCommand::anchor).toList());
        List<ConnectorSpace.AppliedChunk> applied = new ArrayList<>();
        Set<String> failedInThisPoll = new HashSet<>();
        for (CommandResult result : results.values()) {
            ExportCommands.SentCommand command = claimed.get(result.commandId().toString());
            if (command == null) {
                continue;
            }
            if (command.isDeletion()) {
                connectorSpace.applyMemberships(applied);
                applied.clear();
                deletionAnswered(command, result);
            } else if (command.licenceChange() != null) {
                licencesAnswered(command, result, failedInThisPoll);
            } else if (result.status() == CommandResult.Status.REJECTED) {
                rejected(command, result, failedInThisPoll);
            } else if (command.membershipChange() != null) {
                applied.add(new ConnectorSpace.AppliedChunk(command.anchor(), command.membershipChange()));
            }
        }
        connectorSpace.applyMemberships(applied);
    }

    /**
     * The export counts as failed in its cycle, once per object: the object's other commands of the cycle are marked
     * failed, those still awaiting an answer in the table and those claimed in this poll here.
     */
    private void rejected(ExportCommands.SentCommand command, CommandResult result, Set<String> failedInThisPoll) {
        String object = command.cycleId() + " " + command.anchor();
        if (command.outcome() != Outcome.FAILED && failedInThisPoll.add(object)) {
            cycles.recountAsFailed(command.cycleId(), command.outcome());
            exportCommands.markFailed(command.cycleId(), command.anchor());
        }
        if (command.membershipChange() == null && command.licenceChange() == null) {
            connectorSpace.undoExport(command.anchor(), command.exportedHash(), command.previousValues());
        }
        if (SOURCE_OF_AUTHORITY_IN_CLOUD.equals(result.errorCode())) {
            blockMissedSwitch(command.anchor(), result);
        }
        log.warn("the directory rejected export {} of {} in cycle {}: {} {}", command.commandId(), command.anchor(),
                command.cycleId(), result.errorCode(), result.message());
    }

    /**
     * The directory's answer to an {@code AssignLicense} of a user's licences synced from AD. Succeeded: the SKUs added
     * are exported licences (the sync engine removes them once AD no longer holds them), those removed no longer are.
     * An add of an SKU the user already holds (an administrator assigned it in the cloud) succeeds without a change, so
     * it converges the same way. Refused because the user does not hold an SKU to remove (an administrator removed it
     * in the cloud meanwhile): nothing of the command was applied, but what it removes is gone all the same, so those
     * SKUs are exported no longer; its additions are not recorded, so the next cycle sends them again, without the
     * removals. Any other refusal (the user unknown, too many licences) counts as failed, and the next cycle sends the
     * same difference again.
     */
    private void licencesAnswered(ExportCommands.SentCommand command, CommandResult result,
                                  Set<String> failedInThisPoll) {
        var change = command.licenceChange();
        if (result.status() == CommandResult.Status.SUCCEEDED) {
            connectorSpace.applyLicences(command.anchor(), change.added(), change.removed());
        } else if (BAD_REQUEST.equals(result.errorCode()) && result.message() != null
                && result.message().contains(LICENCE_NOT_HELD) && !change.removed().isEmpty()) {
            connectorSpace.applyLicences(command.anchor(), List.of(), change.removed());
            log.info("licences {} of {} were already removed in the cloud; {} are sent again by the next cycle",
                    change.removed(), command.anchor(), change.added().isEmpty() ? "no additions" : change.added());
        } else {
            rejected(command, result, failedInThisPoll);
        }
    }

    /**
     * The directory refused an export because the group's Source of Authority is in the cloud: the sync engine missed
     * (or has not yet read) the switch. The entry is blocked as the switch would have done, unless a newer switch (a
     * rollback after the refusal) was applied meanwhile.
     */
    private void blockMissedSwitch(String anchor, CommandResult result) {
        connectorSpace.switchIfNotNewer(anchor, true, result.completedAt()).ifPresent(entry -> log.warn("group {} ({}): "
                + "the directory refused its export because its Source of Authority is in the cloud; AD changes are "
                + "blocked from now on", entry.displayName(), entry.cloudId()));
    }

    /**
     * The directory deleted the cloud copy of an object deleted in AD (or had none any more): the connector-space entry
     * goes. Any other refusal leaves the entry marked deleted, with its pending provisioning log entry.
     */
    private void deletionAnswered(ExportCommands.SentCommand command, CommandResult result) {
        if (result.status() == CommandResult.Status.SUCCEEDED || RESOURCE_NOT_FOUND.equals(result.errorCode())) {
            connectorSpace.remove(command.anchor());
            log.info("the directory deleted {} (AD anchor {}) in cycle {}", result.aggregateId(), command.anchor(),
                    command.cycleId());
        } else {
            log.warn("the directory refused to delete {} (AD anchor {}) in cycle {}: {} {}", result.aggregateId(),
                    command.anchor(), command.cycleId(), result.errorCode(), result.message());
        }
    }
}
