package dev.steward.directory.group.query;

import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code group_view} in line with the group events, in the same transaction as the events (a subscribing
 * processor): a write is visible to the next read, and an event the read model cannot take fails its command
 * instead of being stored. A created group is inserted without looking it up first; rows are flushed at once so the
 * command side's SQL checks see them.
 */
@Component
@ProcessingGroup(GroupProjection.PROCESSING_GROUP)
class GroupProjection {

    static final String PROCESSING_GROUP = "group-projection";

    private final GroupViewRepository groups;
    @PersistenceContext
    private EntityManager entityManager;

    GroupProjection(GroupViewRepository groups) {
        this.groups = groups;
    }

    @EventHandler
    void on(GroupCreated event, @SequenceNumber long version) {
        GroupView view = new GroupView(event.group().id());
        view.apply(event.group(), version);
        entityManager.persist(view);
        entityManager.flush();
    }

    @EventHandler
    void on(GroupUpdated event, @SequenceNumber long version) {
        save(event.group(), version);
    }

    @EventHandler
    void on(SourceOfAuthoritySwitched event, @SequenceNumber long version) {
        groups.findById(event.groupId())
                .filter(view -> view.getAggregateVersion() < version)
                .ifPresent(view -> {
                    view.applySourceOfAuthority(event.isCloudManaged(), event.onPremisesSyncEnabled(), version);
                    groups.saveAndFlush(view);
                });
    }

    @EventHandler
    void on(GroupDeleted event) {
        groups.deleteById(event.groupId());
        groups.flush();
    }

    private void save(GroupState group, long version) {
        Optional<GroupView> existing = groups.findById(group.id());
        if (existing.isPresent() && existing.get().getAggregateVersion() >= version) {
            return;
        }
        GroupView view = existing.orElseGet(() -> new GroupView(group.id()));
        view.apply(group, version);
        groups.saveAndFlush(view);
    }
}
