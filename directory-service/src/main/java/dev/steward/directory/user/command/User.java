package dev.steward.directory.user.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.license.api.AssignUserLicenses;
import dev.steward.directory.license.api.UserLicense;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.license.command.LicenseAssignment;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.CreateCloudUser;
import dev.steward.directory.user.api.CreateUserFromOnPremises;
import dev.steward.directory.user.api.DeleteUser;
import dev.steward.directory.user.api.DeleteUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.directory.user.api.UpdateCloudUser;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user: synced from AD, where AD masters it (a sync with nothing new changes nothing; cloud writes are refused),
 * or created in the cloud, where cloud writes change it. A cloud user's principal name is unique in the directory
 * (checked against {@code user_view}, kept in the same transaction).
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private String id;
    private UserState state;
    private String mailNickname;
    private boolean accountEnabled;
    private List<UserLicense> licenses = List.of();

    protected User() {
    }

    @CommandHandler
    public User(CreateUserFromOnPremises command, Clock clock) {
        apply(new UserCreated(fromOnPremises(command.sync(), clock.instant())));
    }

    @CommandHandler
    public User(CreateCloudUser command, Clock clock, DirectoryUsers users) {
        String principalName = UserRules.userPrincipalName(command.userPrincipalName());
        UserState created = new UserState(command.userId(), principalName,
                UserRules.displayName(command.displayName()), UserRules.mail(command.mail()), clock.instant(),
                null, null, null, null, null, null);
        String nickname = UserRules.mailNickname(command.mailNickname());
        UserRules.checkPrincipalNameFree(users, principalName, command.userId());
        apply(new CloudUserCreated(created, nickname, command.accountEnabled()));
    }

    @CommandHandler
    public void handle(UpdateCloudUser command, DirectoryUsers users) {
        UserRules.checkSettable(command.properties());
        checkCloudWritable();
        String principalName = command.properties().contains("userPrincipalName")
                ? UserRules.userPrincipalName(command.userPrincipalName()) : state.userPrincipalName();
        String displayName = command.properties().contains("displayName")
                ? UserRules.displayName(command.displayName()) : state.displayName();
        String mail = command.properties().contains("mail") ? UserRules.mail(command.mail()) : state.mail();
        String nickname = command.properties().contains("mailNickname")
                ? UserRules.mailNickname(command.mailNickname()) : mailNickname;
        boolean enabled = accountEnabled;
        if (command.properties().contains("accountEnabled")) {
            if (command.accountEnabled() == null) {
                throw new DirectoryException(DirectoryErrorCode.INVALID_RESOURCE_VALUE, "accountEnabled", "User");
            }
            enabled = command.accountEnabled();
        }
        if (!principalName.equalsIgnoreCase(state.userPrincipalName())) {
            UserRules.checkPrincipalNameFree(users, principalName, id);
        }
        UserState next = new UserState(id, principalName, displayName, mail, state.createdDateTime(), null, null,
                null, null, null, null);
        if (!next.equals(state) || !nickname.equals(mailNickname) || enabled != accountEnabled) {
            apply(new CloudUserUpdated(next, nickname, enabled));
        }
    }

    @CommandHandler
    public void handle(DeleteUser command) {
        checkCloudWritable();
        apply(new UserDeleted(id, state.userPrincipalName(), state.displayName(), null));
    }

    @CommandHandler
    public void handle(DeleteUserFromOnPremises command) {
        if (!command.anchor().equals(state.onPremisesAnchor())) {
            throw new DirectoryException(DirectoryErrorCode.ANCHOR_MISMATCH);
        }
        apply(new UserDeleted(id, state.userPrincipalName(), state.displayName(), state.onPremisesAnchor()));
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

    /** Licences are assigned in the cloud, for users synced from AD as well (as in Entra). */
    @CommandHandler
    public void handle(AssignUserLicenses command) {
        LicenseAssignment.apply(licenses, state.userPrincipalName(), command).ifPresent(changed -> apply(changed));
    }

    @EventSourcingHandler
    void on(UserLicensesAssigned event) {
        licenses = event.assignedLicenses();
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

    @EventSourcingHandler
    void on(CloudUserCreated event) {
        id = event.user().id();
        state = event.user();
        mailNickname = event.mailNickname();
        accountEnabled = event.accountEnabled();
    }

    @EventSourcingHandler
    void on(CloudUserUpdated event) {
        state = event.user();
        mailNickname = event.mailNickname();
        accountEnabled = event.accountEnabled();
    }

    @EventSourcingHandler
    void on(UserDeleted event) {
        markDeleted();
    }

    /** A user synced from AD is written in AD only. */
    private void checkCloudWritable() {
        if (state.onPremisesAnchor() != null) {
            throw new DirectoryException(DirectoryErrorCode.ON_PREMISES_MASTERED);
        }
    }

    private static UserState fromOnPremises(SyncUserFromOnPremises command, Instant createdDateTime) {
        command.checkText();
        return new UserState(command.userId(), command.userPrincipalName(), command.displayName(), command.mail(),
                createdDateTime, command.anchor(), command.onPremisesSecurityIdentifier(),
                command.onPremisesSamAccountName(), command.onPremisesDistinguishedName(), command.syncedAt(),
                command.onPremisesExtensionAttributes());
    }
}
