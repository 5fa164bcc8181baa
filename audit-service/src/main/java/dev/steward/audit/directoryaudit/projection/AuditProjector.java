package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.command.CommandResult;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects integration events into the audit log. Exactly once in effect: an entry's id is the event id, or for the
 * per-member entries of a member or owner event a name-based UUID of the event id and the member's id, so a
 * redelivered or replayed event finds its entries and changes nothing. The entries of one event and the group names
 * it updates are written in one transaction.
 */
@Service
public class AuditProjector {

    private static final Logger log = LoggerFactory.getLogger(AuditProjector.class);

    private final AuditEntryMapper mapper;
    private final AuditEntryStore store;
    private final GroupNames groupNames;
    private final RecordedEntries recorded;

    /** The live projection: counts what it adds ({@link ProjectionMetrics}) and announces it. */
    @Autowired
    public AuditProjector(AuditEntryMapper mapper, AuditEntryStore store, GroupNames groupNames,
                          ProjectionMetrics metrics, ApplicationEventPublisher events) {
        this(mapper, store, groupNames, added -> {
            metrics.entriesWritten(added.size());
            if (!added.isEmpty()) {
                events.publishEvent(new AuditEntriesRecorded(added));
            }
        });
    }

    private AuditProjector(AuditEntryMapper mapper, AuditEntryStore store, GroupNames groupNames,
                           RecordedEntries recorded) {
        this.mapper = mapper;
        this.store = store;
        this.groupNames = groupNames;
        this.recorded = recorded;
    }

    /**
     * The same projection into {@code tables}, telling {@code recorded} what it adds. Its methods are not
     * transactional by themselves: the caller runs each call (or a batch of them) in a transaction.
     */
    public AuditProjector into(ProjectionTables tables, RecordedEntries recorded) {
        return new AuditProjector(mapper, store.into(tables), groupNames.in(tables), recorded);
    }

    /**
     * Records the event's audit entries.
     *
     * @return the entries, whether they were new or already recorded
     * @throws NotAuditableException when the message has no audit activity
     */
    @Transactional
    public List<DirectoryAudit> project(ContractMessage message) {
        List<DirectoryAudit> entries = mapper.toEntries(message, groupNames);
        rememberGroupName(message);
        List<DirectoryAudit> added = store.insertAllIfAbsent(entries);
        recorded.recorded(added);
        int written = added.size();
        if (written < entries.size()) {
            log.debug("{} of {} audit entries of event {} already recorded; duplicate delivery ignored",
                    entries.size() - written, entries.size(), message.messageId());
        }
        return entries;
    }

    /**
     * Records the failure entry of a refused directory command, if it has one.
     *
     * @return the entry, whether it was new or already recorded; empty for a succeeded command or one without an
     *         audit activity
     */
    @Transactional
    public Optional<DirectoryAudit> project(CommandResult result) {
        Optional<DirectoryAudit> entry = CommandResultAudits.rejected(result, groupNames);
        entry.ifPresent(failure -> recorded.recorded(store.insertAllIfAbsent(List.of(failure))));
        return entry;
    }

    private void rememberGroupName(ContractMessage message) {
        if (message instanceof GroupCreated created) {
            groupNames.record(created.group(), created.metadata().occurredAt());
        } else if (message instanceof GroupUpdated updated) {
            groupNames.record(updated.group(), updated.metadata().occurredAt());
        } else if (message instanceof GroupDeleted deleted) {
            groupNames.forget(deleted.groupId());
        }
    }
}
