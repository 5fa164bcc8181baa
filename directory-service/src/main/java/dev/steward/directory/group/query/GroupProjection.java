package dev.steward.directory.group.query;

import dev.steward.directory.common.ReadModels;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.common.BatchedWrites;
import java.util.Optional;
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

    private final GroupViewRepository groups;
    private final BatchedWrites writes;

    GroupProjection(GroupViewRepository groups, BatchedWrites writes) {
        this.groups = groups;
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
        groups.findById(event.groupId())
                .filter(view -> view.getAggregateVersion() < version)
                .ifPresent(view -> {
                    view.applySourceOfAuthority(event.isCloudManaged(), event.onPremisesSyncEnabled(), version);
                    groups.save(view);
                    writes.written();
                });
    }

    @EventHandler
    void on(GroupDeleted event) {
        writes.writeHeldRows();
        groups.deleteById(event.groupId());
        writes.written();
    }

    private void save(GroupState group, long version) {
        writes.writeHeldRows();
        Optional<GroupView> existing = groups.findById(group.id());
        if (existing.isPresent() && existing.get().getAggregateVersion() >= version) {
            return;
        }
        GroupView view = existing.orElseGet(() -> new GroupView(group.id()));
        view.apply(group, version);
        groups.save(view);
        writes.written();
    }
}
