package dev.steward.sync.cycle;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.security.ServiceTokens;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ChangeCookies;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.export.ExportPlan;
import dev.steward.sync.export.ExportPlanner;
import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.export.ObjectExport;
import dev.steward.sync.ldap.DirectoryChanges;
import dev.steward.sync.ldap.LdapConnector;
import dev.steward.sync.ldap.RejectedEntry;
import dev.steward.sync.provisioning.AdDeletions;
import dev.steward.sync.provisioning.SkippedChanges;
import dev.steward.sync.soa.SourceOfAuthorityReconciler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
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
 * Each object is decided and exported in its own transaction holding its connector-space row, and the row is updated
 * only after the broker acknowledged the commands.
 * <p>
 * An object deleted in AD (tombstone) or gone out of scope: its connector-space entry is marked deleted and the cloud
 * deletion recorded as pending in the provisioning log (the directory takes no deletion from the sync engine); for a
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
    private final ContractPublisher publisher;
    private final TransactionTemplate transaction;
    private final SyncProperties properties;
    private final ObjectProvider<ServiceTokens> serviceTokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final SourceOfAuthorityReconciler reconciler;
    private final FullReadDeletions fullReadDeletions;

    public SyncCycleEngine(LdapConnector connector, ConnectorSpace connectorSpace, ExportCommands exportCommands,
                           SkippedChanges skippedChanges, AdDeletions deletions, ChangeCookies cookies,
                           ContractPublisher publisher, TransactionTemplate transaction, SyncProperties properties,
                           ObjectProvider<ServiceTokens> serviceTokens, IdGenerator ids, Clock clock,
                           SourceOfAuthorityReconciler reconciler, FullReadDeletions fullReadDeletions) {
        this.connector = connector;
        this.connectorSpace = connectorSpace;
        this.exportCommands = exportCommands;
        this.skippedChanges = skippedChanges;
        this.deletions = deletions;
        this.cookies = cookies;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
        this.serviceTokens = serviceTokens;
        this.ids = ids;
        this.clock = clock;
        this.reconciler = reconciler;
        this.fullReadDeletions = fullReadDeletions;
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
        List<ContractCommand> memberships = new ArrayList<>();
        for (ObjectExport export : plan.exports()) {
            Outcome outcome;
            try {
                outcome = transaction.execute(status -> process(cycle, export, token, memberships));
            } catch (IllegalArgumentException e) {
                log.warn("cycle {}: {} ({}) not exported: {}", cycle.id(), export.distinguishedName(),
                        export.anchor(), e.getMessage());
                outcome = Outcome.FAILED;
            }
            tally.add(outcome);
        }
        Map<String, Boolean> gone = new LinkedHashMap<>();
        changes.deleted().forEach(anchor -> gone.put(anchor, false));
        changes.outOfScope().forEach(anchor -> gone.putIfAbsent(anchor, true));
        gone.forEach((anchor, leftScope) -> transaction.execute(status -> processDeletion(cycle, anchor, leftScope,
                token)).ifPresent(tally::add));
        tally.phase(Tally.MEMBERSHIP, null);
        sendMemberships(cycle, memberships, token);
        if (changes.cookie() != null) {
            cookies.record(cycle.id(), changes.cookie());
        }
    }

    /**
     * An AD object deleted or gone out of scope: its cloud copy is deleted with a {@code SyncDeletion}, and the
     * connector-space entry goes when the directory confirms ({@link ExportResultListener}). Nothing for an object
     * never synced or already marked.
     *
     * @return the outcome to count: skipped for a group whose Source of Authority is in the cloud
     */
    private Optional<Outcome> processDeletion(SyncCycle cycle, String anchor, boolean leftScope, Token token) {
        Optional<ConnectorSpaceEntry> found = connectorSpace.lock(anchor);
        if (found.isEmpty() || found.get().deletedInAdAt() != null) {
            return Optional.empty();
        }
        ConnectorSpaceEntry entry = found.get();
        connectorSpace.recordDeletedInAd(anchor, cycle.id());
        if (entry.blockOnPremisesSync()) {
            deletions.recordSkipped(cycle.id(), cycle.initiator(), entry, leftScope);
            return Optional.of(Outcome.SKIPPED);
        }
        deletions.recordPending(cycle.id(), entry, leftScope);
        SyncDeletion deletion = new SyncDeletion(metadata(cycle), entry.cloudId(), anchor,
                entry.objectType().wireName(), clock.instant());
        // Not counted among the cycle's objects: a refusal changes no count.
        exportCommands.record(List.of(new ExportCommands.SentCommand(deletion.metadata().commandId().toString(),
                cycle.id(), anchor, null, null, Outcome.FAILED)));
        publisher.sendCommand(Topics.DIRECTORY_COMMANDS, deletion, token.get());
        return Optional.empty();
    }

    private void sendMemberships(SyncCycle cycle, List<ContractCommand> memberships, Token token) {
        if (memberships.isEmpty()) {
            return;
        }
        if (!exportCommands.awaitObjectsAnswered(cycle.id(), properties.engine().exportAnswerTimeout())) {
            log.warn("cycle {}: the directory has not answered every user and group export within {}; sending the "
                    + "membership anyway (a refused chunk is sent again by the next cycle)", cycle.id(),
                    properties.engine().exportAnswerTimeout());
        }
        for (ContractCommand command : memberships) {
            publisher.sendCommand(Topics.DIRECTORY_COMMANDS, command, token.get());
        }
    }

    /** @param memberships collects the object's membership chunks, sent after every object's values */
    private Outcome process(SyncCycle cycle, ObjectExport export, Token token, List<ContractCommand> memberships) {
        ConnectorSpaceEntry entry = connectorSpace.lockOrCreate(export.anchor(), export.cloudId(), export.objectType(),
                export.distinguishedName(), export.displayName());
        ExportedValues values = export.exportedValues();
        boolean valuesChanged = !values.hash().equals(entry.exportedHash());
        Membership exportedMembership = export.objectType() == ObjectType.GROUP
                ? connectorSpace.exportedMembership(export.anchor()) : Membership.NONE;
        MembershipChange membershipChange = MembershipChange.between(exportedMembership, export.membership());
        boolean changed = valuesChanged || !membershipChange.isEmpty();

        if (entry.blockOnPremisesSync()) {
            if (!changed) {
                connectorSpace.recordSeen(export.anchor(), export.distinguishedName(), cycle.id());
                return Outcome.UNCHANGED;
            }
            SortedMap<String, Object> adState = ExportedValues.withMembership(export.values(), export.membership());
            String skippedHash = ExportedValues.of(adState).hash();
            if (!skippedHash.equals(entry.skippedHash())) {
                SortedMap<String, Object> exportedState = ExportedValues.withMembership(
                        ExportedValues.parse(entry.exportedValues()), exportedMembership);
                skippedChanges.record(cycle.id(), cycle.initiator(), export, entry, exportedState, adState);
            }
            connectorSpace.recordSkip(export.anchor(), export.distinguishedName(), export.displayName(), skippedHash,
                    cycle.id());
            return Outcome.SKIPPED;
        }

        boolean exportValues = cycle.policyType() == PolicyType.INITIAL || valuesChanged || entry.pendingTakeover();
        if (!exportValues && membershipChange.isEmpty()) {
            connectorSpace.recordSeen(export.anchor(), export.distinguishedName(), cycle.id());
            return Outcome.UNCHANGED;
        }
        Outcome outcome = !entry.everExported() ? Outcome.ADDED
                : changed || entry.pendingTakeover() ? Outcome.UPDATED : Outcome.UNCHANGED;

        // Every command of the object is built (and validated) and recorded before the first is sent.
        Instant syncedAt = clock.instant();
        List<ContractCommand> commands = new ArrayList<>();
        List<ContractCommand> chunks = new ArrayList<>();
        List<ExportCommands.SentCommand> sent = new ArrayList<>();
        if (exportValues) {
            ContractCommand command = export.command(metadata(cycle), syncedAt);
            commands.add(command);
            sent.add(new ExportCommands.SentCommand(command.metadata().commandId().toString(), cycle.id(),
                    export.anchor(), values.hash(), null, outcome, entry.exportedValues()));
        }
        for (MembershipChange chunk : membershipChange.chunks(References.MAX_PER_MESSAGE)) {
            ContractCommand command = chunk.command(metadata(cycle), export.cloudId(), export.anchor(), syncedAt);
            chunks.add(command);
            sent.add(new ExportCommands.SentCommand(command.metadata().commandId().toString(), cycle.id(),
                    export.anchor(), null, chunk, outcome));
        }
        exportCommands.record(sent);
        for (ContractCommand command : commands) {
            publisher.sendCommand(Topics.DIRECTORY_COMMANDS, command, token.get());
        }
        memberships.addAll(chunks);
        if (exportValues) {
            connectorSpace.recordExport(export.anchor(), export.distinguishedName(), export.displayName(),
                    values.hash(), values.json(), cycle.id());
        } else {
            connectorSpace.recordSeen(export.anchor(), export.distinguishedName(), cycle.id());
        }
        if (entry.pendingTakeover()) {
            log.info("cycle {}: took {} ({}) over again from AD", cycle.id(), export.displayName(), export.cloudId());
        }
        return outcome;
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
