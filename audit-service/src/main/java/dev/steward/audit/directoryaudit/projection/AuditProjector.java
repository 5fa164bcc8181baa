package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.ContractMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Projects integration events into the audit log. Exactly once in effect: the entry id is the event id, so a
 * redelivered or replayed event finds its entry and changes nothing.
 */
@Service
public class AuditProjector {

    private static final Logger log = LoggerFactory.getLogger(AuditProjector.class);

    private final AuditEntryMapper mapper;
    private final AuditEntryStore store;

    public AuditProjector(AuditEntryMapper mapper, AuditEntryStore store) {
        this.mapper = mapper;
        this.store = store;
    }

    /**
     * Records the event's audit entry.
     *
     * @return the entry, whether it was new or already recorded
     * @throws NotAuditableException when the message has no audit activity
     */
    public DirectoryAudit project(ContractMessage message) {
        DirectoryAudit entry = mapper.toEntry(message);
        if (!store.insertIfAbsent(entry)) {
            log.debug("audit entry {} already recorded; duplicate delivery ignored", entry.id());
        }
        return entry;
    }
}
