package dev.steward.directory.user.query;

import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Keeps {@code user_view} in line with the user events; replays and redeliveries are skipped by version. */
@Component
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
class UserProjection {

    static final String PROCESSING_GROUP = "user-projection";

    private final UserViewRepository users;

    UserProjection(UserViewRepository users) {
        this.users = users;
    }

    @EventHandler
    void on(UserCreated event, @SequenceNumber long version) {
        save(event.user(), version);
    }

    @EventHandler
    void on(UserUpdated event, @SequenceNumber long version) {
        save(event.user(), version);
    }

    private void save(UserState user, long version) {
        Optional<UserView> existing = users.findById(user.id());
        if (existing.isPresent() && existing.get().getAggregateVersion() >= version) {
            return;
        }
        UserView view = existing.orElseGet(() -> new UserView(user.id()));
        view.apply(user, version);
        users.saveAndFlush(view);
    }
}
