package dev.steward.sync.cycle;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.sync.connectorspace.ConnectorSpace;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the directory's verdict on the sync engine's exports. A membership chunk that succeeded becomes part of the
 * group's exported membership. A rejected export counts as failed in its cycle (an object once, however many of its
 * commands were rejected); the connector space gets back the values it held before a rejected SyncUser / SyncGroup,
 * and a rejected chunk was never recorded, so the next cycle exports the object again. A refusal because the group's
 * Source of Authority is in the cloud also blocks the group, as the switch the sync engine missed would have (the next
 * cycle records the skip). Results of other services' commands are ignored.
 */
@Component
public class ExportResultListener {

    static final String CONSUMER = "sync-export-results";
    /** The directory's error code for a write to an AD-mastered group whose Source of Authority is in the cloud. */
    static final String SOURCE_OF_AUTHORITY_IN_CLOUD = "SourceOfAuthorityInCloud";
    static final String RESOURCE_NOT_FOUND = "Request_ResourceNotFound";

    private static final Logger log = LoggerFactory.getLogger(ExportResultListener.class);

    private final ExportCommands exportCommands;
    private final SyncCycles cycles;
    private final ConnectorSpace connectorSpace;
    private final ProcessedMessages processed;
    private final TransactionTemplate transaction;

    public ExportResultListener(ExportCommands exportCommands, SyncCycles cycles, ConnectorSpace connectorSpace,
                                ProcessedMessages processed, TransactionTemplate transaction) {
        this.exportCommands = exportCommands;
        this.cycles = cycles;
        this.connectorSpace = connectorSpace;
        this.processed = processed;
        this.transaction = transaction;
    }

    /**
     * The directory refused an export because the group's Source of Authority is in the cloud: the sync engine missed
     * (or has not yet read) the switch. The entry is blocked as the switch would have done, unless a newer switch (a
     * rollback after the refusal) was applied meanwhile.
     */
    private void blockMissedSwitch(String anchor, CommandResult result) {
        connectorSpace.switchIfNotNewer(anchor, true, result.completedAt()).ifPresent(entry -> log.warn("group {} ({}): the directory refused its export because its Source of Authority is in the "
                    + "cloud; AD changes are blocked from now on", entry.displayName(), entry.cloudId()));
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

    @KafkaListener(id = "sync-export-results", idIsGroup = false, topics = Topics.DIRECTORY_COMMAND_RESULTS)
    public void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof CommandResult result)) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            var sent = exportCommands.find(result.commandId().toString());
            if (sent.isEmpty() || !processed.markProcessed(CONSUMER, result.messageId())) {
                return;
            }
            var command = sent.get();
            if (command.isDeletion()) {
                deletionAnswered(command, result);
            } else if (result.status() == CommandResult.Status.REJECTED) {
                if (command.outcome() != Outcome.FAILED) {
                    cycles.recountAsFailed(command.cycleId(), command.outcome());
                    exportCommands.markFailed(command.cycleId(), command.anchor());
                }
                if (command.membershipChange() == null) {
                    connectorSpace.undoExport(command.anchor(), command.exportedHash(), command.previousValues());
                }
                if (SOURCE_OF_AUTHORITY_IN_CLOUD.equals(result.errorCode())) {
                    blockMissedSwitch(command.anchor(), result);
                }
                log.warn("the directory rejected export {} of {} in cycle {}: {} {}", command.commandId(),
                        command.anchor(), command.cycleId(), result.errorCode(), result.message());
            } else if (command.membershipChange() != null) {
                connectorSpace.applyMembership(command.anchor(), command.membershipChange());
            }
            exportCommands.forget(command.commandId());
        });
    }
}
