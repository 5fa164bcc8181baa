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
 * commands were rejected); a rejected SyncUser / SyncGroup is forgotten by the connector space and a rejected chunk
 * was never recorded, so the next cycle exports the object again (and, for a group whose Source of Authority moved to
 * the cloud meanwhile, records the skip). Results of other services' commands are ignored.
 */
@Component
public class ExportResultListener {

    static final String CONSUMER = "sync-export-results";

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
            if (result.status() == CommandResult.Status.REJECTED) {
                if (command.outcome() != Outcome.FAILED) {
                    cycles.recountAsFailed(command.cycleId(), command.outcome());
                    exportCommands.markFailed(command.cycleId(), command.anchor());
                }
                if (command.membershipChange() == null) {
                    connectorSpace.forgetExport(command.anchor(), command.exportedHash());
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
