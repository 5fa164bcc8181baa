package dev.steward.audit.directoryaudit.projection;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.MalformedMessageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * redelivered or replayed event finds its entries and changes nothing. A batch of messages (a poll of the listener, a
 * step of the rebuild) is mapped in memory and written, entries, target rows and the group names it updates, in one
 * transaction with JDBC batches.
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
        ProjectedBatch.Outcome outcome = projectUntilFailure(List.of(message)).outcomes().get(0);
        if (!outcome.projected()) {
            throw outcome.unprojectable();
        }
        return outcome.entries();
    }

    /**
     * Records the failure entry of a refused directory command, if it has one.
     *
     * @return the entry, whether it was new or already recorded; empty for a succeeded command or one without an
     *         audit activity
     */
    @Transactional
    public Optional<DirectoryAudit> project(CommandResult result) {
        return project((ContractMessage) result).stream().findFirst();
    }

    /**
     * Projects {@code messages} in their order, in one transaction, up to the first one that cannot be projected
     * (not auditable, malformed); the messages before it are written, those after it are left. A
     * {@link CommandResult} becomes its failure entry, if it has one.
     */
    @Transactional
    public ProjectedBatch projectUntilFailure(List<? extends ContractMessage> messages) {
        return projectBatch(messages, true);
    }

    /**
     * Projects {@code messages} in their order, passing over those that cannot be projected. Not transactional by
     * itself: for the rebuild's projector ({@link #into}), whose caller runs it in a transaction.
     */
    public ProjectedBatch projectPassingOver(List<? extends ContractMessage> messages) {
        return projectBatch(messages, false);
    }

    /**
     * Maps every message to its entries first, with the batch's group names changing in memory as the messages go
     * (one read of the names the batch's keys point at), then writes the names, the entries and their target rows
     * as JDBC batches.
     */
    private ProjectedBatch projectBatch(List<? extends ContractMessage> messages, boolean stopAtFailure) {
        BatchGroupNames groups = groupNames.batch(messages.stream().filter(m -> m != null).map(ContractMessage::key)
                .filter(key -> key != null).distinct().toList());
        List<List<DirectoryAudit>> entriesOf = new ArrayList<>(messages.size());
        List<RuntimeException> failures = new ArrayList<>(messages.size());
        List<DirectoryAudit> entries = new ArrayList<>();
        for (ContractMessage message : messages) {
            try {
                List<DirectoryAudit> mapped = toEntries(message, groups);
                entriesOf.add(mapped);
                failures.add(null);
                entries.addAll(mapped);
            } catch (NotAuditableException | MalformedMessageException unprojectable) {
                entriesOf.add(List.of());
                failures.add(unprojectable);
                if (stopAtFailure) {
                    break;
                }
            }
        }
        groups.write();
        List<DirectoryAudit> added = store.insertAllIfAbsent(entries);
        recorded.recorded(added);
        Set<String> addedIds = new HashSet<>();
        added.forEach(entry -> addedIds.add(entry.id()));
        List<ProjectedBatch.Outcome> outcomes = new ArrayList<>(entriesOf.size());
        for (int i = 0; i < entriesOf.size(); i++) {
            List<DirectoryAudit> mapped = entriesOf.get(i);
            int fresh = 0;
            for (DirectoryAudit entry : mapped) {
                if (addedIds.remove(entry.id())) {
                    fresh++;
                }
            }
            if (fresh < mapped.size()) {
                log.debug("{} of {} audit entries of message {} already recorded; duplicate delivery ignored",
                        mapped.size() - fresh, mapped.size(), messages.get(i).messageId());
            }
            outcomes.add(new ProjectedBatch.Outcome(mapped, fresh, failures.get(i)));
        }
        return new ProjectedBatch(outcomes);
    }

    private List<DirectoryAudit> toEntries(ContractMessage message, BatchGroupNames groups) {
        if (message instanceof CommandResult result) {
            return CommandResultAudits.rejected(result, groups).map(List::of).orElse(List.of());
        }
        List<DirectoryAudit> entries = mapper.toEntries(message, groups);
        if (message instanceof GroupCreated created) {
            groups.record(created.group(), created.metadata().occurredAt());
        } else if (message instanceof GroupUpdated updated) {
            groups.record(updated.group(), updated.metadata().occurredAt());
        } else if (message instanceof GroupDeleted deleted) {
            groups.forget(deleted.groupId());
        }
        return entries;
    }
}
