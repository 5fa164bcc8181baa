package dev.steward.directory.user.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A user synced from AD. AD masters users; a sync with nothing new changes nothing. */
@Aggregate
public class User {

    @AggregateIdentifier
    private String id;
    private UserState state;

    protected User() {
    }

    @CommandHandler
    public User(CreateUserFromOnPremises command, Clock clock) {
        apply(new UserCreated(fromOnPremises(command.sync(), clock.instant())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SyncUserFromOnPremises command, Clock clock) {
        if (state == null) {
            apply(new UserCreated(fromOnPremises(command, clock.instant())));
            return;
        }
        if (!command.anchor().equals(state.onPremisesAnchor())) {
            throw new DirectoryException(DirectoryErrorCode.ANCHOR_MISMATCH);
        }
        UserState next = fromOnPremises(command, state.createdDateTime());
        if (!next.sameDataAs(state)) {
            apply(new UserUpdated(next));
        }
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        id = event.user().id();
        state = event.user();
    }

    @EventSourcingHandler
    void on(UserUpdated event) {
        state = event.user();
    }

    private static UserState fromOnPremises(SyncUserFromOnPremises command, Instant createdDateTime) {
        return new UserState(command.userId(), command.userPrincipalName(), command.displayName(), command.mail(),
                createdDateTime, command.anchor(), command.onPremisesSecurityIdentifier(),
                command.onPremisesSamAccountName(), command.onPremisesDistinguishedName(), command.syncedAt());
    }
}
