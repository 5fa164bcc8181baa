package dev.steward.directory.user.query;

import dev.steward.directory.common.ReadModels;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserUpdated;
import dev.steward.directory.common.BatchedWrites;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code user_view} in line with the user events, in the same transaction as the events (a subscribing
 * processor). A created user is inserted with JDBC without looking it up first, the rest goes through JPA; rows
 * reach the database as {@link BatchedWrites} decides.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class UserProjection {

    @PersistenceContext
    private EntityManager entityManager;
    private final BatchedWrites writes;

    UserProjection(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(UserCreated event, @SequenceNumber long version) {
        UserView view = new UserView(event.user().id());
        view.apply(event.user(), version);
        writes.insert(UserView.INSERT, view::bindInsert);
    }

    @EventHandler
    void on(CloudUserCreated event, @SequenceNumber long version) {
        UserView view = new UserView(event.user().id());
        view.apply(event.user(), version);
        view.applyCloud(event.mailNickname(), event.accountEnabled());
        writes.insert(UserView.INSERT, view::bindInsert);
    }

    @EventHandler
    void on(CloudUserUpdated event, @SequenceNumber long version) {
        writes.writeHeldRows();
        UserView view = entityManager.find(UserView.class, event.user().id());
        if (view != null && view.getAggregateVersion() < version) {
            view.apply(event.user(), version);
            view.applyCloud(event.mailNickname(), event.accountEnabled());
            writes.written();
        }
    }

    @EventHandler
    void on(UserDeleted event) {
        writes.writeHeldRows();
        UserView view = entityManager.find(UserView.class, event.userId());
        if (view != null) {
            entityManager.remove(view);
            writes.written();
        }
    }

    @EventHandler
    void on(UserUpdated event, @SequenceNumber long version) {
        writes.writeHeldRows();
        UserView view = entityManager.find(UserView.class, event.user().id());
        if (view != null && view.getAggregateVersion() < version) {
            view.apply(event.user(), version);
            writes.written();
        }
    }
}
