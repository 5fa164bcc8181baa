package dev.steward.sync.soa;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ObjectType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Honours a group's Source of Authority the moment it changes, not at the next cycle: {@code isCloudManaged = true}
 * sets {@code blockOnPremisesSync} on the group's connector-space entry; {@code false} (rollback) clears it and
 * marks the group for takeover, so the next cycle exports AD's values even if AD did not change. Each event counts
 * once (by event id). Other directory events are not the sync engine's business. A record that cannot be read,
 * or whose group id is not the one derived from its anchor, goes to the dead-letter topic.
 */
@Component
public class SourceOfAuthorityListener {

    static final String CONSUMER = "sync-source-of-authority";

    private static final Logger log = LoggerFactory.getLogger(SourceOfAuthorityListener.class);

    private final ConnectorSpace connectorSpace;
    private final ProcessedMessages processed;
    private final TransactionTemplate transaction;

    public SourceOfAuthorityListener(ConnectorSpace connectorSpace, ProcessedMessages processed,
                                     TransactionTemplate transaction) {
        this.connectorSpace = connectorSpace;
        this.processed = processed;
        this.transaction = transaction;
    }

    @KafkaListener(id = "sync-source-of-authority", idIsGroup = false, topics = Topics.DIRECTORY_EVENTS)
    public void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof SourceOfAuthorityChanged event)) {
            return;
        }
        String anchor = event.onPremisesAnchor();
        if (anchor == null) {
            log.debug("ignoring the SOA change of cloud group {}: it has no AD anchor", event.groupId());
            return;
        }
        if (!event.groupId().equals(DirectoryIds.fromAnchor(anchor))) {
            throw new IllegalArgumentException("SourceOfAuthorityChanged " + event.messageId() + ": groupId "
                    + event.groupId() + " is not the id derived from onPremisesAnchor " + anchor);
        }
        Boolean applied = transaction.execute(status -> {
            if (!processed.markProcessed(CONSUMER, event.messageId())) {
                status.setRollbackOnly();
                return false;
            }
            connectorSpace.lockOrCreate(anchor, event.groupId(), ObjectType.GROUP, null, event.displayName());
            connectorSpace.changeSourceOfAuthority(anchor, event.isCloudManaged(), event.metadata().occurredAt());
            return true;
        });
        if (!Boolean.TRUE.equals(applied)) {
            log.debug("SourceOfAuthorityChanged {} was applied before", event.messageId());
            return;
        }
        log.info("group {} ({}): {}", event.displayName(), event.groupId(), event.isCloudManaged()
                ? "Source of Authority is in the cloud; AD changes are blocked"
                : "Source of Authority rolled back to AD; the next cycle takes the group over");
    }
}
