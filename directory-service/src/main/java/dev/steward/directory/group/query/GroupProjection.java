package dev.steward.directory.group.query;

import dev.steward.directory.common.ReadModels;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.common.BatchedWrites;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code group_view} in line with the group events, in the same transaction as the events (a subscribing
 * processor): a write is visible to the next read, and an event the read model cannot take fails its command
 * instead of being stored. A created group is inserted with JDBC without looking it up first; rows reach the database
 * as {@link BatchedWrites} decides.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class GroupProjection {

    private final BatchedWrites writes;

    @PersistenceContext
    private EntityManager entityManager;

    GroupProjection(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(GroupCreated event, @SequenceNumber long version) {
        GroupView view = new GroupView(event.group().id());
        view.apply(event.group(), version);
        writes.insert(GroupView.INSERT, view::bindInsert);
    }

    @EventHandler
    void on(GroupUpdated event, @SequenceNumber long version) {
        save(event.group(), version);
    }

    @EventHandler
    void on(SourceOfAuthoritySwitched event, @SequenceNumber long version) {
        writes.writeHeldRows();
        GroupView view = entityManager.find(GroupView.class, event.groupId());
        if (view != null && view.getAggregateVersion() < version) {
            view.applySourceOfAuthority(event.isCloudManaged(), event.onPremisesSyncEnabled(), version);
            writes.written();
        }
    }

    @EventHandler
    void on(GroupDeleted event) {
        writes.writeHeldRows();
        GroupView view = entityManager.find(GroupView.class, event.groupId());
        if (view != null) {
            entityManager.remove(view);
            writes.written();
        }
    }

    private void save(GroupState group, long version) {
        writes.writeHeldRows();
        GroupView existing = entityManager.find(GroupView.class, group.id());
        if (existing != null && existing.getAggregateVersion() >= version) {
            return;
        }
        GroupView view = existing != null ? existing : new GroupView(group.id());
        view.apply(group, version);
        if (existing == null) {
            entityManager.persist(view);
        }
        writes.written();
    }
}
