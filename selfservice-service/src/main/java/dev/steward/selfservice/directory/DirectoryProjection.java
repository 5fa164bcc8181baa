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
import java.time.Instant;
import java.util.List;
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
 * owners ({@link GroupOwnersChanged}) and a deletion ({@link GroupRemoved}) are announced inside the transaction, so
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
    private final ApplicationEventPublisher events;

    public DirectoryProjection(GroupDirectory groups, UserDirectory users, ProcessedMessages processed,
                               ApplicationEventPublisher events) {
        this.groups = groups;
        this.users = users;
        this.processed = processed;
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
        events.publishEvent(new GroupOwnersChanged(groupId, event.metadata().initiator(),
                event.metadata().correlationId()));
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
