package dev.steward.sync.cycle;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.platform.jdbc.PlannerStatistics;
import dev.steward.platform.security.ServiceTokens;
import dev.steward.sync.config.LicenceProperties;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ChangeCookies;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.export.ExportPlan;
import dev.steward.sync.export.ExportPlanner;
import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.export.LicenceChange;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.export.ObjectExport;
import dev.steward.sync.ldap.DirectoryChanges;
import dev.steward.sync.ldap.LdapConnector;
import dev.steward.sync.ldap.RejectedEntry;
import dev.steward.sync.provisioning.AdDeletions;
import dev.steward.sync.provisioning.SkippedChanges;
import dev.steward.sync.provisioning.SkippedLicenceValues;
import dev.steward.sync.soa.SourceOfAuthorityReconciler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * One sync cycle: import (Initial: everything in scope, and a fresh change-tracking cookie; Delta: only the objects
 * DirSync or uSNChanged report changed since the last succeeded cycle's cookie, read whole, plus objects still awaiting
 * an export; a full read when the server tracks no changes), compare each object with its connector-space entry, and
 * export with {@code SyncUser} / {@code SyncGroup} commands what has to go to the directory, users before groups;
 * a group's members and owners follow its {@code SyncGroup} as {@code SyncGroupMembership} chunks of differences.
 * <ul>
 *   <li>Initial: every object's values are exported. Delta: only values that differ from the last export, and
 *       rolled-back groups awaiting takeover (exported even if AD did not change: AD's values win).</li>
 *   <li>Membership, in both: only the differences between what AD holds and what the directory confirmed, at most
 *       {@link References#MAX_PER_MESSAGE} ids per command; none when nothing changed. The exported membership moves
 *       when the directory answers that a chunk succeeded ({@link ExportResultListener}), so a rejected or lost
 *       chunk is sent again by the next cycle.</li>
 *   <li>A group whose Source of Authority is in the cloud ({@code blockOnPremisesSync}) is never exported, values or
 *       membership; if AD differs from the last export the change is skipped and recorded (event 6956), once per AD
 *       state.</li>
 * </ul>
 * Objects go in batches of {@code steward.sync.export.batch-size}, in plan order. A batch's transaction locks its
 * connector-space rows, decides every object, records its commands ({@link ExportCommands}) and writes the rows of the
 * exports (batched), and commits; only then are the commands sent without waiting for each acknowledgement (at most
 * {@code steward.sync.export.max-in-flight} in flight), and every acknowledgement awaited, with no row lock held. An
 * export whose command the broker did not acknowledge is undone and fails the cycle; one the producer can never send
 * (too large) is undone and fails only its object; one a dead process recorded but never sent is undone by the next
 * cycle after it waited for earlier answers. Unchanged objects send nothing and their rows are not written.
 * <p>
 * An object deleted in AD (tombstone) or gone out of scope: its connector-space entry is marked deleted and the cloud
 * deletion recorded as pending in the provisioning log and sent as a {@code SyncDeletion}, in batches; for a
 * group whose Source of Authority is in the cloud the deletion is skipped and recorded (event 6956). The cycle's
 * cookie is stored with it once every export was sent; the next Delta starts from it only if this cycle succeeded.
 * <p>
 * Two phases: first every {@code SyncUser} and {@code SyncGroup}, then, once the directory has answered those (or
 * {@code steward.sync.export-answer-timeout} passed), every {@code SyncGroupMembership}. The directory takes its
 * command topic's partitions in parallel, so a membership chunk sent right after the users it names could otherwise
 * be applied before them and be refused for unknown members.
 */
@Component
public class SyncCycleEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncCycleEngine.class);

    private final LdapConnector connector;
    private final ConnectorSpace connectorSpace;
    private final ExportCommands exportCommands;
    private final SkippedChanges skippedChanges;
    private final AdDeletions deletions;
    private final ChangeCookies cookies;
    private final TransactionTemplate transaction;
    private final TransactionTemplate recordOnItsOwn;
    private final SyncProperties properties;
    private final ObjectProvider<ServiceTokens> serviceTokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final SourceOfAuthorityReconciler reconciler;
    private final FullReadDeletions fullReadDeletions;
    private final DirectoryCommandSender sender;
    private final PlannerStatistics statistics;
    private final int batchSize;
    private final LicenceProperties licences;
    private final SkippedLicenceValues skippedLicenceValues;

    public SyncCycleEngine(LdapConnector connector, ConnectorSpace connectorSpace, ExportCommands exportCommands,
                           SkippedChanges skippedChanges, AdDeletions deletions, ChangeCookies cookies,
                           TransactionTemplate transaction, SyncProperties properties,
                           ObjectProvider<ServiceTokens> serviceTokens, IdGenerator ids, Clock clock,
                           SourceOfAuthorityReconciler reconciler, FullReadDeletions fullReadDeletions,
                           DirectoryCommandSender sender, ExportProperties exportProperties,
                           PlannerStatistics statistics, LicenceProperties licences,
                           SkippedLicenceValues skippedLicenceValues) {
        this.connector = connector;
        this.connectorSpace = connectorSpace;
        this.exportCommands = exportCommands;
        this.skippedChanges = skippedChanges;
        this.deletions = deletions;
        this.cookies = cookies;
        this.transaction = transaction;
        this.recordOnItsOwn = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
        this.recordOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.serviceTokens = serviceTokens;
        this.ids = ids;
        this.clock = clock;
        this.reconciler = reconciler;
        this.fullReadDeletions = fullReadDeletions;
        this.sender = sender;
        this.statistics = statistics;
        this.batchSize = exportProperties.batchSize();
        this.licences = licences;
        this.skippedLicenceValues = skippedLicenceValues;
    }

    /**
     * Runs the cycle, counting into {@code tally} as it goes.
     *
     * @throws RuntimeException when the cycle cannot go on (directory unreadable, broker unavailable, no token)
     */
    public void run(SyncCycle cycle, Tally tally) {
        ServiceTokens tokens = serviceTokens.getIfAvailable();
        if (tokens == null) {
            throw new CycleAbortedException("steward.client.id, steward.client.secret and steward.client.token-uri are "
                    + "not set: the sync engine cannot obtain a token, and the directory would refuse every export");
        }
        Token token = new Token(tokens);
        token.get();
        try {
            reconciler.reconcile(token::get);
        } catch (SourceOfAuthorityReconciler.ReconciliationException e) {
            log.warn("cycle {}: Source of Authority not reconciled with the directory: {}", cycle.id(), e.getMessage());
        }
        exportCommands.forgetOlderThanRetention();
        if (!exportCommands.awaitEarlierAnswered(cycle.id(), properties.engine().exportAnswerTimeout())) {
            int forgotten = transaction.execute(status -> undoUnanswered(cycle));
            log.warn("cycle {}: {} exports of earlier cycles were not answered within {}; they are compared and sent "
                    + "again", cycle.id(), forgotten, properties.engine().exportAnswerTimeout());
        }
        // After the earlier cycles' answers: the references they confirmed are in the tables.
        try {
            statistics.refreshStale();
        } catch (RuntimeException e) {
            log.warn("cycle {}: planner statistics not refreshed: {}", cycle.id(), e.toString());
        }
        tally.phase(Tally.IMPORT, null);
        DirectoryChanges changes = fullReadDeletions.withMissingObjects(cycle.id(),
                cycle.policyType() == PolicyType.INITIAL ? connector.readAll() : connector.readChanges(
                        cookies.latestSucceeded().orElse(null), connectorSpace.anchorsAwaitingExport()));
        // Only a Delta's changed groups need the DNs of objects it did not read (their members and owners).
        ExportPlan plan = changes.fullRead() || changes.read().groups().isEmpty()
                ? ExportPlanner.plan(changes.read(), properties.ldap().baseDn(), properties.effectiveNetbiosName())
                : ExportPlanner.plan(changes.read(), properties.ldap().baseDn(), properties.effectiveNetbiosName(),
                        connectorSpace.knownObjects());
        tally.phase(Tally.EXPORT, plan.exports().size() + plan.rejected().size());
        for (RejectedEntry rejected : plan.rejected()) {
            log.warn("cycle {}: {} not synced: {}", cycle.id(), rejected.distinguishedName(), rejected.reason());
            tally.add(Outcome.FAILED);
        }
        List<Chunk> memberships = new ArrayList<>();
        List<ObjectExport> exports = plan.exports();
        for (int from = 0; from < exports.size(); from += batchSize) {
            List<ObjectExport> batch = exports.subList(from, Math.min(exports.size(), from + batchSize));
            tally.checkGoingOn();
            // Nothing is sent before the batch committed: a batch that fails leaves nothing to undo.
            List<Decision> decisions = send(cycle, transaction.execute(status -> decideBatch(cycle, batch, status)),
                    token);
            for (Decision decision : decisions) {
                memberships.addAll(decision.chunks());
                if (decision.takeover()) {
                    log.info("cycle {}: took {} ({}) over again from AD", cycle.id(), decision.export().displayName(),
                            decision.export().cloudId());
                }
            }
            tally.addAll(decisions.stream().map(Decision::outcome).toList());
        }
        Map<String, Boolean> gone = new LinkedHashMap<>();
        changes.deleted().forEach(anchor -> gone.put(anchor, false));
        changes.outOfScope().forEach(anchor -> gone.putIfAbsent(anchor, true));
        List<Map.Entry<String, Boolean>> toDelete = List.copyOf(gone.entrySet());
        for (int from = 0; from < toDelete.size(); from += batchSize) {
            List<Map.Entry<String, Boolean>> batch = toDelete.subList(from, Math.min(toDelete.size(),
                    from + batchSize));
            tally.checkGoingOn();
            List<String> recorded = new ArrayList<>();
            try {
                transaction.execute(status -> deleteBatch(cycle, batch, token, recorded)).forEach(tally::add);
            } catch (RuntimeException e) {
                exportCommands.forget(recorded);
                throw e;
            }
        }
        tally.phase(Tally.MEMBERSHIP, null);
        sendMemberships(cycle, memberships, token, tally);
        if (changes.cookie() != null) {
            cookies.record(cycle.id(), changes.cookie());
        }
        log.info("cycle {}: {}", cycle.id(), tally.phaseTimes());
    }

    /**
     * A batch of AD objects deleted or gone out of scope, in the caller's transaction: their rows are locked and marked
     * deleted, and each cloud copy is deleted with a {@code SyncDeletion}, recorded (committed on its own) and sent
     * like the values commands, acknowledged before the marks commit; the connector-space entry goes when the
     * directory confirms ({@link ExportResultListener}). Nothing for an object never synced or already marked. A
     * deletion the broker does not take rolls the batch back and fails the cycle.
     *
     * @return the outcomes to count: skipped for each group whose Source of Authority is in the cloud
     */
    private List<Outcome> deleteBatch(SyncCycle cycle, List<Map.Entry<String, Boolean>> batch, Token token,
                                      List<String> recorded) {
        Map<String, ConnectorSpaceEntry> entries = connectorSpace.lock(batch.stream().map(Map.Entry::getKey).toList());
        List<Outcome> outcomes = new ArrayList<>();
        List<SyncDeletion> sending = new ArrayList<>();
        for (Map.Entry<String, Boolean> gone : batch) {
            String anchor = gone.getKey();
            ConnectorSpaceEntry entry = entries.get(anchor);
            if (entry == null || entry.deletedInAdAt() != null) {
                continue;
            }
            connectorSpace.recordDeletedInAd(anchor, cycle.id());
            if (entry.blockOnPremisesSync()) {
                deletions.recordSkipped(cycle.id(), cycle.initiator(), entry, gone.getValue());
                outcomes.add(Outcome.SKIPPED);
                continue;
            }
            deletions.recordPending(cycle.id(), entry, gone.getValue());
            sending.add(new SyncDeletion(metadata(cycle), entry.cloudId(), anchor, entry.objectType().wireName(),
                    clock.instant()));
        }
        // Not counted among the cycle's objects: a refusal changes no count. Committed before the sends, which this
        // transaction awaits.
        recordOnItsOwn.executeWithoutResult(status -> exportCommands.record(sending.stream().map(deletion -> new ExportCommands.SentCommand(
                deletion.metadata().commandId().toString(), cycle.id(), deletion.anchor(), null, null,
                Outcome.FAILED)).toList()));
        sending.forEach(deletion -> recorded.add(deletion.metadata().commandId().toString()));
        DirectoryCommandSender.Batch sends = sender.batch();
        for (SyncDeletion deletion : sending) {
            sends.send(deletion, token.get());
        }
        if (!sends.awaitAcknowledgements().isEmpty()) {
            throw new IllegalStateException("a SyncDeletion of cycle " + cycle.id() + " can never be sent");
        }
        return outcomes;
    }

    /**
     * Exports of earlier cycles still unanswered after the wait (their cycle's process stopped between recording and
     * sending them, or the directory is away): a values export is undone as if it had not been sent ({@link #undo}),
     * a membership chunk forgotten, so both are compared and sent again.
     *
     * @return how many were given up
     */
    private int undoUnanswered(SyncCycle cycle) {
        List<ExportCommands.SentCommand> unanswered = exportCommands.claimEarlierUnanswered(cycle.id());
        connectorSpace.lock(unanswered.stream().filter(command -> command.exportedHash() != null)
                .map(ExportCommands.SentCommand::anchor).toList());
        for (ExportCommands.SentCommand command : unanswered) {
            if (command.exportedHash() != null) {
                connectorSpace.undoExport(command.anchor(), command.exportedHash(), command.previousValues());
            }
        }
        return unanswered.size();
    }

    /**
     * Sends the membership chunks once the directory answered the cycle's users and groups, in batches that never
     * split a group's chunks: each batch is recorded (committed on its own), sent without waiting for each
     * acknowledgement, and acknowledged before the next. A chunk the broker did not acknowledge fails the cycle and
     * is forgotten (the next cycle compares and sends that difference again); the acknowledged ones await their
     * answers, which the next cycle waits for before it compares memberships
     * ({@link ExportCommands#awaitEarlierAnswered}), so it does not send them again.
     */
    private void sendMemberships(SyncCycle cycle, List<Chunk> chunks, Token token, Tally tally) {
        if (chunks.isEmpty()) {
            return;
        }
        if (!exportCommands.awaitObjectsAnswered(cycle.id(), properties.engine().exportAnswerTimeout())) {
            log.warn("cycle {}: the directory has not answered every user and group export within {}; sending the "
                    + "membership anyway (a refused chunk is sent again by the next cycle)", cycle.id(),
                    properties.engine().exportAnswerTimeout());
        }
        Set<String> failed = new HashSet<>();
        int from = 0;
        while (from < chunks.size()) {
            int to = Math.min(chunks.size(), from + batchSize);
            while (to < chunks.size() && chunks.get(to).anchor().equals(chunks.get(to - 1).anchor())) {
                to++;
            }
            List<Chunk> batch = chunks.subList(from, to);
            tally.checkGoingOn();
            exportCommands.record(batch.stream().map(Chunk::sent).toList());
            DirectoryCommandSender.Batch sends = sender.batch();
            List<ContractCommand> refused;
            try {
                for (Chunk chunk : batch) {
                    sends.send(chunk.command(), token.get());
                }
                refused = sends.awaitAcknowledgements();
            } catch (RuntimeException e) {
                // A chunk the broker did not acknowledge is compared and sent again by the next cycle.
                Set<ContractCommand> acknowledged = sends.acknowledged();
                exportCommands.forget(batch.stream().filter(chunk -> !acknowledged.contains(chunk.command()))
                        .map(chunk -> chunk.sent().commandId()).toList());
                throw e;
            }
            for (Chunk chunk : batch) {
                if (refused.contains(chunk.command()) && failed.add(chunk.anchor())) {
                    log.warn("cycle {}: a membership chunk of {} can never be sent; it is compared and sent again by "
                            + "the next cycle", cycle.id(), chunk.anchor());
                    tally.recountAsFailed(chunk.sent().outcome());
                }
            }
            exportCommands.forget(refused.stream().map(command -> command.metadata().commandId().toString()).toList());
            from = to;
        }
    }

    /**
     * One batch of objects, in the caller's transaction: lock (or create) their rows, decide each, record the values
     * commands and write the rows of the exports, all committed together before anything is sent ({@link #send}).
     *
     * @return what was decided for each object, in order
     */
    private List<Decision> decideBatch(SyncCycle cycle, List<ObjectExport> batch, TransactionStatus status) {
        Map<String, ConnectorSpaceEntry> entries = connectorSpace.lockOrCreate(batch);
        Map<String, Membership> exportedMemberships = connectorSpace.exportedMemberships(batch.stream()
                .filter(export -> export.objectType() == ObjectType.GROUP).map(ObjectExport::anchor).toList());
        Map<String, Set<String>> exportedLicences = connectorSpace.exportedLicences(batch.stream()
                .filter(export -> export.licences() != null).map(ObjectExport::anchor).toList());
        List<Decision> decisions = new ArrayList<>();
        for (ObjectExport export : batch) {
            try {
                decisions.add(decide(cycle, export, entries.get(export.anchor()),
                        exportedMemberships.getOrDefault(export.anchor(), Membership.NONE),
                        exportedLicences.getOrDefault(export.anchor(), Set.of()), status));
            } catch (IllegalArgumentException e) {
                log.warn("cycle {}: {} ({}) not exported: {}", cycle.id(), export.distinguishedName(),
                        export.anchor(), e.getMessage());
                decisions.add(Decision.failed(export));
            }
        }
        List<Decision> sending = decisions.stream().filter(decision -> decision.command() != null).toList();
        exportCommands.record(sending.stream().map(Decision::sent).toList());
        connectorSpace.recordExports(decisions.stream().map(Decision::exported).filter(Objects::nonNull).toList());
        connectorSpace.recordSeen(decisions.stream().map(Decision::seen).filter(Objects::nonNull).toList());
        return decisions;
    }

    /**
     * Sends the values commands of a committed batch without waiting for each acknowledgement (at most
     * {@code max-in-flight} in flight) and waits for every one, holding no row lock: a Source of Authority switch or
     * a directory's answer never waits for the broker. An export whose command the broker did not acknowledge is
     * undone ({@link #undo}) and fails the cycle; one the producer can never send (too large) is undone and counts as
     * failed, and the cycle goes on.
     *
     * @return the decisions, those whose command can never be sent now failed
     */
    private List<Decision> send(SyncCycle cycle, List<Decision> decisions, Token token) {
        List<Decision> sending = decisions.stream().filter(decision -> decision.command() != null).toList();
        if (sending.isEmpty()) {
            return decisions;
        }
        DirectoryCommandSender.Batch sends = sender.batch();
        List<ContractCommand> refused;
        try {
            for (Decision decision : sending) {
                sends.send(decision.command(), token.get());
            }
            refused = sends.awaitAcknowledgements();
        } catch (RuntimeException e) {
            Set<ContractCommand> acknowledged = sends.acknowledged();
            undo(sending.stream().filter(decision -> !acknowledged.contains(decision.command())).toList());
            throw e;
        }
        if (refused.isEmpty()) {
            return decisions;
        }
        undo(sending.stream().filter(decision -> refused.contains(decision.command())).toList());
        return decisions.stream().map(decision -> {
            if (decision.command() == null || !refused.contains(decision.command())) {
                return decision;
            }
            log.warn("cycle {}: {} ({}) not exported: its command can never be sent", cycle.id(),
                    decision.export().distinguishedName(), decision.export().anchor());
            return Decision.failed(decision.export());
        }).toList();
    }

    /**
     * Exports whose command did not reach the broker: their rows get back the values they held before, without an
     * exported hash (the next cycle exports them again, a Delta reads them again), and their commands are forgotten.
     * A command that reached the topic after all is applied by the directory and sent again by the next cycle with
     * the same values, which the directory applies without events.
     */
    private void undo(List<Decision> unsent) {
        if (unsent.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            connectorSpace.lock(unsent.stream().map(decision -> decision.export().anchor()).toList());
            for (Decision decision : unsent) {
                if (decision.exported() != null) {
                    connectorSpace.undoExport(decision.export().anchor(), decision.sent().exportedHash(),
                            decision.sent().previousValues());
                }
            }
            exportCommands.forget(unsent.stream().map(decision -> decision.sent().commandId()).toList());
        });
    }

    /**
     * What to do with one object, given its locked entry and the membership the directory confirmed. Writes only what
     * a withheld change records (provisioning log, outbox, skipped hash); the export's row writes are returned.
     */
    private Decision decide(SyncCycle cycle, ObjectExport export, ConnectorSpaceEntry entry,
                            Membership exportedMembership, Set<String> exportedLicences, TransactionStatus status) {
        ExportedValues values = export.exportedValues();
        boolean valuesChanged = !values.hash().equals(entry.exportedHash());
        MembershipChange membershipChange = MembershipChange.between(exportedMembership, export.membership());
        // Licences only when they are synced (an attribute is configured): otherwise nothing licence-related is sent.
        LicenceChange licenceChange = export.licences() == null || entry.blockOnPremisesSync() ? null
                : LicenceChange.between(exportedLicences, export.licences().skuIds());
        if (export.licences() != null && !export.licences().invalid().isEmpty()) {
            skippedLicenceValues.record(cycle.id(), licences.attribute(), export, export.licences().invalid());
        }
        boolean licencesChanged = licenceChange != null && !licenceChange.isEmpty();
        boolean changed = valuesChanged || !membershipChange.isEmpty() || licencesChanged;
        ConnectorSpace.Seen seen = rowUpToDate(entry, export) ? null
                : new ConnectorSpace.Seen(export.anchor(), export.distinguishedName(), cycle.id());

        if (entry.blockOnPremisesSync()) {
            if (!changed) {
                return Decision.unchanged(export, seen);
            }
            SortedMap<String, Object> adState = ExportedValues.withMembership(export.values(), export.membership());
            String skippedHash = ExportedValues.of(adState).hash();
            if (!skippedHash.equals(entry.skippedHash())) {
                SortedMap<String, Object> exportedState = ExportedValues.withMembership(
                        ExportedValues.parse(entry.exportedValues()), exportedMembership);
                Object savepoint = status.createSavepoint();
                try {
                    skippedChanges.record(cycle.id(), cycle.initiator(), export, entry, exportedState, adState);
                } catch (IllegalArgumentException e) {
                    status.rollbackToSavepoint(savepoint);
                    throw e;
                }
                status.releaseSavepoint(savepoint);
            }
            connectorSpace.recordSkip(export.anchor(), export.distinguishedName(), export.displayName(), skippedHash,
                    cycle.id());
            return new Decision(export, Outcome.SKIPPED, null, null, List.of(), null, null, false);
        }

        boolean exportValues = cycle.policyType() == PolicyType.INITIAL || valuesChanged || entry.pendingTakeover();
        if (!exportValues && membershipChange.isEmpty() && !licencesChanged) {
            return Decision.unchanged(export, seen);
        }
        Outcome outcome = !entry.everExported() ? Outcome.ADDED
                : changed || entry.pendingTakeover() ? Outcome.UPDATED : Outcome.UNCHANGED;

        // Every command of the object is built (and validated) before anything of it is recorded or sent.
        Instant syncedAt = clock.instant();
        ContractCommand command = null;
        ExportCommands.SentCommand sent = null;
        ConnectorSpace.Exported exported = null;
        if (exportValues) {
            command = export.command(metadata(cycle), syncedAt);
            sent = new ExportCommands.SentCommand(command.metadata().commandId().toString(), cycle.id(),
                    export.anchor(), values.hash(), null, outcome, entry.exportedValues());
            // An Initial cycle sends unchanged values again; their row is rewritten only if it is stale.
            if (valuesChanged || entry.pendingTakeover() || seen != null
                    || !Objects.equals(entry.displayName(), export.displayName())) {
                exported = new ConnectorSpace.Exported(export.anchor(), export.distinguishedName(),
                        export.displayName(), values.hash(), values.json(), cycle.id());
            }
            seen = null;
        }
        List<Chunk> chunks = new ArrayList<>();
        for (MembershipChange chunk : membershipChange.chunks(References.MAX_PER_MESSAGE)) {
            ContractCommand chunkCommand = chunk.command(metadata(cycle), export.cloudId(), export.anchor(), syncedAt);
            chunks.add(new Chunk(export.anchor(), chunkCommand, new ExportCommands.SentCommand(
                    chunkCommand.metadata().commandId().toString(), cycle.id(), export.anchor(), null, chunk, outcome)));
        }
        if (licencesChanged) {
            // After the user's SyncUser (second phase, once the directory answered it), as a group's membership.
            ContractCommand assign = licenceChange.command(metadata(cycle), export.cloudId());
            chunks.add(new Chunk(export.anchor(), assign, new ExportCommands.SentCommand(
                    assign.metadata().commandId().toString(), cycle.id(), export.anchor(), null, null, outcome, null,
                    licenceChange)));
        }
        return new Decision(export, outcome, command, sent, chunks, exported, seen, entry.pendingTakeover());
    }

    /** The row already holds what a cycle that reads the object unchanged would write. */
    private static boolean rowUpToDate(ConnectorSpaceEntry entry, ObjectExport export) {
        return Objects.equals(entry.distinguishedName(), export.distinguishedName()) && entry.skippedHash() == null
                && entry.deletedInAdAt() == null;
    }

    /**
     * What a cycle does with one object: its outcome, the values command to send (and record) if any, the membership
     * chunks to send in the second phase, and the row write once the command is acknowledged (none when the row is
     * up to date).
     */
    private record Decision(ObjectExport export, Outcome outcome, ContractCommand command,
                            ExportCommands.SentCommand sent, List<Chunk> chunks, ConnectorSpace.Exported exported,
                            ConnectorSpace.Seen seen, boolean takeover) {

        static Decision unchanged(ObjectExport export, ConnectorSpace.Seen seen) {
            return new Decision(export, Outcome.UNCHANGED, null, null, List.of(), null, seen, false);
        }

        static Decision failed(ObjectExport export) {
            return new Decision(export, Outcome.FAILED, null, null, List.of(), null, null, false);
        }
    }

    /** A membership chunk of a group, sent in the second phase. */
    private record Chunk(String anchor, ContractCommand command, ExportCommands.SentCommand sent) {
    }

    /**
     * The sync engine's token, asked for at every send: a long cycle renews it as it goes, so no command leaves with
     * a token near its end. A token that cannot be had ends the cycle.
     */
    private record Token(ServiceTokens tokens) {
        String get() {
            try {
                return tokens.accessToken();
            } catch (ServiceTokens.ServiceTokenException e) {
                throw new CycleAbortedException("the sync engine cannot obtain a token: " + e.getMessage());
            }
        }
    }

    private CommandMetadata metadata(SyncCycle cycle) {
        return CommandMetadata.of(ids.generateId(), clock.instant(), cycle.id());
    }
}
