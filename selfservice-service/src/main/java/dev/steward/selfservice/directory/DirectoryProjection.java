package dev.steward.selfservice.directory;

import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.UserSynced;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.selfservice.directory.GroupDirectory.VersionedSnapshot;
import dev.steward.selfservice.directory.UserDirectory.VersionedUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the read model of groups and users from the directory's events. Replay-safe twice over: an event seen
 * before (same event id) is dropped, and an event older than the state it would replace (its {@code occurredAt}
 * before the stored version) is ignored, so a late or replayed event never overwrites newer state. Snapshots and
 * Source of Authority changes carry separate versions: an SOA switch is not undone by an older snapshot.
 * <p>
 * Owners and members are not in snapshots: their events add and remove rows, applied in the order they arrive, which
 * Kafka keeps per group (the record key is the group id). Adding a present row or removing an absent one changes
 * nothing. A deleted group is forgotten with its owners, its members and its memberships in other groups. A change of
 * owners ({@link OwnersOfGroupsChanged}) and a deletion ({@link GroupRemoved}) are announced inside the transaction, so
 * that pending requests follow them. A user's licences ({@code UserLicensesChanged}) replace the SKU ids stored
 * for the user, with a version of their own.
 */
@Component
public class DirectoryProjection {

    /** The consumer name under which applied events are recorded in {@code processed_message}. */
    public static final String CONSUMER = "selfservice-directory-read-model";

    private static final Logger log = LoggerFactory.getLogger(DirectoryProjection.class);

    private final GroupDirectory groups;
    private final UserDirectory users;
    private final ProcessedMessages processed;
    private final ProcessedEventBatch processedBatch;
    private final ApplicationEventPublisher events;

    DirectoryProjection(GroupDirectory groups, UserDirectory users, ProcessedMessages processed,
                        ProcessedEventBatch processedBatch, ApplicationEventPublisher events) {
        this.groups = groups;
        this.users = users;
        this.processed = processed;
        this.processedBatch = processedBatch;
        this.events = events;
    }

    /** Applies one event; answers false when it was a duplicate, stale, or of a type this model does not need. */
    @Transactional
    public boolean apply(IntegrationEvent event) {
        if (!isProjected(event)) {
            return false;
        }
        if (!processed.markProcessed(CONSUMER, event.messageId())) {
            log.debug("event {} was applied before; dropped", event.messageId());
            return false;
        }
        Instant at = Timestamps.stored(event.metadata().occurredAt());
        if (event instanceof GroupCreated created) {
            return applySnapshot(created.group(), at);
        }
        if (event instanceof GroupUpdated updated) {
            return applySnapshot(updated.group(), at);
        }
        if (event instanceof SourceOfAuthorityChanged changed) {
            return applySourceOfAuthority(changed, at);
        }
        if (event instanceof UserSynced synced) {
            return applyUser(synced, at);
        }
        if (event instanceof UserLicensesChanged licenses) {
            return applyLicenses(licenses, at);
        }
        return applyRelations(event);
    }

    /**
     * Applies a poll's events in one transaction, with the same outcome as {@link #apply} of each in turn: events seen
     * before are dropped, runs of snapshots, user syncs, owner and member changes ({@link ReadModelSegment}) are
     * written with batched statements, and the rarer Source of Authority changes, licence changes and deletions are
     * applied alone, in their place in the order. Answers how many events were new.
     */
    @Transactional
    public int applyAll(List<IntegrationEvent> events) {
        List<IntegrationEvent> fresh = processedBatch.markFirstSeen(CONSUMER,
                events.stream().filter(DirectoryProjection::isProjected).toList());
        ReadModelSegment segment = new ReadModelSegment();
        for (IntegrationEvent event : fresh) {
            Instant at = Timestamps.stored(event.metadata().occurredAt());
            if (!segment.add(event, at)) {
                write(segment);
                applyAlone(event, at);
            }
        }
        write(segment);
        return fresh.size();
    }

    private void applyAlone(IntegrationEvent event, Instant at) {
        if (event instanceof SourceOfAuthorityChanged changed) {
            applySourceOfAuthority(changed, at);
        } else if (event instanceof UserLicensesChanged licenses) {
            applyLicenses(licenses, at);
        } else {
            applyRelations(event);
        }
    }

    private void write(ReadModelSegment segment) {
        if (segment.isEmpty()) {
            return;
        }
        writeSnapshots(segment.snapshots());
        writeUsers(segment.users());
        groups.removeOwners(segment.owners(false));
        groups.addOwners(segment.owners(true));
        groups.removeMembers(segment.members(false));
        groups.addMembers(segment.members(true));
        ownersChanged(segment.ownerChanges());
        segment.clear();
    }

    /**
     * Each group's snapshots against its stored versions, as {@link #applySnapshot} would; the k-th write of every
     * group goes in the k-th round of batched statements, so one group's writes keep their order.
     */
    private void writeSnapshots(Map<String, List<VersionedSnapshot>> byGroup) {
        if (byGroup.isEmpty()) {
            return;
        }
        Map<String, GroupDirectory.GroupVersions> stored = groups.lockVersions(byGroup.keySet());
        List<SnapshotRound> rounds = new ArrayList<>();
        byGroup.forEach((groupId, snapshots) -> {
            GroupDirectory.GroupVersions current = stored.get(groupId);
            int round = 0;
            for (VersionedSnapshot snapshot : snapshots) {
                Instant at = snapshot.version();
                if (current != null && at.isBefore(current.state())) {
                    log.info("stale snapshot of group {} ({} before {}); ignored", groupId, at, current.state());
                    continue;
                }
                if (rounds.size() == round) {
                    rounds.add(new SnapshotRound());
                }
                SnapshotRound writes = rounds.get(round++);
                if (current == null) {
                    writes.inserts().add(snapshot);
                    current = new GroupDirectory.GroupVersions(at, at);
                } else {
                    writes.updates().add(snapshot);
                    boolean withSourceOfAuthority = !at.isBefore(current.sourceOfAuthority());
                    if (withSourceOfAuthority) {
                        writes.sourceOfAuthority().add(snapshot);
                    }
                    current = new GroupDirectory.GroupVersions(at,
                            withSourceOfAuthority ? at : current.sourceOfAuthority());
                }
            }
        });
        for (SnapshotRound round : rounds) {
            groups.insertAll(round.inserts());
            groups.updateAll(round.updates());
            groups.updateSourceOfAuthorityAll(round.sourceOfAuthority());
        }
    }

    /** Each user's syncs against their stored version, as {@link #applyUser} would, in rounds as for groups. */
    private void writeUsers(Map<String, List<VersionedUser>> byUser) {
        if (byUser.isEmpty()) {
            return;
        }
        Map<String, Instant> stored = users.lockVersions(byUser.keySet());
        List<List<VersionedUser>> inserts = new ArrayList<>();
        List<List<VersionedUser>> updates = new ArrayList<>();
        byUser.forEach((userId, syncs) -> {
            Instant current = stored.get(userId);
            int round = 0;
            for (VersionedUser sync : syncs) {
                if (current != null && sync.version().isBefore(current)) {
                    log.info("stale update of user {}; ignored", userId);
                    continue;
                }
                if (inserts.size() == round) {
                    inserts.add(new ArrayList<>());
                    updates.add(new ArrayList<>());
                }
                (current == null ? inserts : updates).get(round++).add(sync);
                current = sync.version();
            }
        });
        for (int round = 0; round < inserts.size(); round++) {
            users.insertAll(inserts.get(round));
            users.updateAll(updates.get(round));
        }
    }

    /** One round of batched group writes: at most one per group. */
    private record SnapshotRound(List<VersionedSnapshot> inserts, List<VersionedSnapshot> updates,
                                 List<VersionedSnapshot> sourceOfAuthority) {
        SnapshotRound() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static boolean isProjected(IntegrationEvent event) {
        return event instanceof GroupCreated || event instanceof GroupUpdated
                || event instanceof SourceOfAuthorityChanged || event instanceof UserSynced
                || event instanceof OwnersAdded || event instanceof OwnersRemoved
                || event instanceof MembersAdded || event instanceof MembersRemoved
                || event instanceof GroupDeleted || event instanceof UserLicensesChanged;
    }

    private boolean applyRelations(IntegrationEvent event) {
        if (event instanceof OwnersAdded added) {
            groups.addOwners(added.groupId(), added.ownerIds());
            ownersChanged(added.groupId(), event);
        } else if (event instanceof OwnersRemoved removed) {
            groups.removeOwners(removed.groupId(), removed.ownerIds());
            ownersChanged(removed.groupId(), event);
        } else if (event instanceof MembersAdded added) {
            groups.addMembers(added.groupId(), ids(added.members()));
        } else if (event instanceof MembersRemoved removed) {
            groups.removeMembers(removed.groupId(), ids(removed.members()));
        } else {
            String groupId = ((GroupDeleted) event).groupId();
            events.publishEvent(new GroupRemoved(groupId, event.metadata().initiator(),
                    event.metadata().correlationId()));
            groups.delete(groupId);
        }
        return true;
    }

    private void ownersChanged(String groupId, IntegrationEvent event) {
        ownersChanged(Map.of(groupId, event));
    }

    private void ownersChanged(Map<String, IntegrationEvent> lastChangeByGroup) {
        if (!lastChangeByGroup.isEmpty()) {
            events.publishEvent(new OwnersOfGroupsChanged(lastChangeByGroup.entrySet().stream()
                    .map(change -> new GroupOwnersChanged(change.getKey(), change.getValue().metadata().initiator(),
                            change.getValue().metadata().correlationId())).toList()));
        }
    }

    private static List<String> ids(List<DirectoryObjectRef> objects) {
        return objects.stream().map(DirectoryObjectRef::id).toList();
    }

    private boolean applySnapshot(GroupSnapshot group, Instant at) {
        var current = groups.lockVersions(group.id());
        if (current.isEmpty()) {
            groups.insert(group, at);
            return true;
        }
        if (at.isBefore(current.get().state())) {
            log.info("stale snapshot of group {} ({} before {}); ignored", group.id(), at, current.get().state());
            return false;
        }
        groups.update(group, at, !at.isBefore(current.get().sourceOfAuthority()));
        return true;
    }

    private boolean applySourceOfAuthority(SourceOfAuthorityChanged changed, Instant at) {
        var current = groups.lockVersions(changed.groupId());
        if (current.isEmpty()) {
            log.warn("Source of Authority change for group {} that was never created here; ignored", changed.groupId());
            return false;
        }
        if (at.isBefore(current.get().sourceOfAuthority())) {
            log.info("stale Source of Authority change of group {}; ignored", changed.groupId());
            return false;
        }
        boolean movedToCloud = changed.isCloudManaged() && groups.find(changed.groupId())
                .map(group -> !group.isCloudManaged()).orElse(false);
        groups.updateSourceOfAuthority(changed.groupId(), changed.isCloudManaged(), changed.onPremisesSyncEnabled(),
                changed.onPremisesAnchor(), at);
        if (movedToCloud) {
            // DOMAIN.md §4: after an SOA switch the join policy has to be set again; until an owner does, only
            // owners add members.
            groups.setJoinPolicy(changed.groupId(), JoinPolicy.CLOSED);
        }
        return true;
    }

    private boolean applyLicenses(UserLicensesChanged changed, Instant at) {
        boolean applied = users.applyLicenses(changed.userId(), changed.userPrincipalName(),
                changed.assignedLicenses().stream().map(AssignedLicense::skuId).toList(), at);
        if (!applied) {
            log.info("stale licences of user {}; ignored", changed.userId());
        }
        return applied;
    }

    private boolean applyUser(UserSynced synced, Instant at) {
        KnownUser user = new KnownUser(synced.userId(), synced.userPrincipalName(), synced.displayName());
        var current = users.lockVersion(synced.userId());
        if (current.isEmpty()) {
            users.insert(user, at);
            return true;
        }
        if (at.isBefore(current.get())) {
            log.info("stale update of user {}; ignored", synced.userId());
            return false;
        }
        users.update(user, at);
        return true;
    }
}
