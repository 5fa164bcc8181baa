package dev.steward.directory.group.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SecurityIdentifiers;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupProperties;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.PropertyChange;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.group.api.UpdateGroup;
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
 * A group and its Source of Authority (DOMAIN.md section 2). Where a write is decided:
 * <pre>
 * state                                  isCloudManaged  onPremisesSyncEnabled  cloud writes   sync writes
 * synced from AD                         false           true                   refused        applied
 * SOA switched to cloud                  true            null                   allowed (*)    refused
 * rolled back, before the next sync      false           null                   allowed (*)    take it over
 * created in the cloud                   false           null                   allowed (*)    n/a
 * (*) except mail-enabled security groups and distribution lists, managed by the mail system only
 * </pre>
 * A command that would change nothing succeeds without an event.
 */
@Aggregate
public class Group {

    @AggregateIdentifier
    private String id;
    private GroupState state;

    protected Group() {
    }

    @CommandHandler
    public Group(CreateGroup command, Clock clock) {
        List<String> groupTypes = command.groupTypes() == null ? List.of() : command.groupTypes();
        GroupRules.checkCloudKind(groupTypes, command.mailEnabled(), command.securityEnabled());
        apply(new GroupCreated(new GroupState(
                command.groupId(),
                GroupRules.displayName(command.displayName()),
                GroupRules.description(command.description()),
                GroupRules.mailNickname(command.mailNickname()),
                command.mail(),
                command.mailEnabled(),
                command.securityEnabled(),
                groupTypes,
                GroupRules.visibility(command.visibility()),
                clock.instant(),
                null, false, null, null, null, null, null, null, null,
                SecurityIdentifiers.fromObjectId(command.groupId()),
                List.of(), List.of()), false));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SyncGroupFromOnPremises command, Clock clock) {
        if (state == null) {
            apply(new GroupCreated(fromOnPremises(command, clock.instant()), true));
            return;
        }
        if (state.isCloudManaged()) {
            throw new DirectoryException(DirectoryErrorCode.SOURCE_OF_AUTHORITY_IN_CLOUD);
        }
        if (!command.anchor().equals(state.onPremisesAnchor())) {
            throw new DirectoryException(DirectoryErrorCode.ANCHOR_MISMATCH);
        }
        GroupState next = fromOnPremises(command, state.createdDateTime());
        List<PropertyChange> changes = state.changesTo(next);
        if (!changes.isEmpty()) {
            apply(new GroupUpdated(next, changes, true));
        }
    }

    @CommandHandler
    public void handle(UpdateGroup command) {
        GroupRules.checkSettable(command.properties(), GroupProperties.UPDATABLE);
        String displayName = command.properties().contains("displayName")
                ? GroupRules.displayName(command.displayName()) : state.displayName();
        String description = command.properties().contains("description")
                ? GroupRules.description(command.description()) : state.description();
        String mailNickname = command.properties().contains("mailNickname")
                ? GroupRules.mailNickname(command.mailNickname()) : state.mailNickname();
        if (state.masteredOnPremises()) {
            throw new DirectoryException(DirectoryErrorCode.ON_PREMISES_MASTERED);
        }
        if (state.managedByMailSystem()) {
            throw new DirectoryException(DirectoryErrorCode.MAIL_SYSTEM_MANAGED);
        }
        GroupState next = state.withCloudEdits(displayName, description, mailNickname);
        List<PropertyChange> changes = state.changesTo(next);
        if (!changes.isEmpty()) {
            apply(new GroupUpdated(next, changes, false));
        }
    }

    @CommandHandler
    public void handle(SwitchSourceOfAuthority command) {
        if (!state.syncedFromOnPremises()) {
            throw new DirectoryException(DirectoryErrorCode.NOT_SYNCED_FROM_ON_PREMISES);
        }
        if (state.isCloudManaged() == command.isCloudManaged()) {
            return;
        }
        apply(new SourceOfAuthoritySwitched(id, state.displayName(), state.onPremisesAnchor(),
                command.isCloudManaged(), null));
    }

    @EventSourcingHandler
    void on(GroupCreated event) {
        id = event.group().id();
        state = event.group();
    }

    @EventSourcingHandler
    void on(GroupUpdated event) {
        state = event.group();
    }

    @EventSourcingHandler
    void on(SourceOfAuthoritySwitched event) {
        state = state.withSourceOfAuthority(event.isCloudManaged(), event.onPremisesSyncEnabled());
    }

    /** AD's values win; the group is AD-mastered again (which takes a rolled-back group over). */
    private static GroupState fromOnPremises(SyncGroupFromOnPremises command, Instant createdDateTime) {
        return new GroupState(
                command.groupId(),
                command.displayName(),
                command.description(),
                command.mailNickname(),
                command.mail(),
                command.mailEnabled(),
                command.securityEnabled(),
                command.groupTypes(),
                null,
                createdDateTime,
                Boolean.TRUE,
                false,
                command.anchor(),
                command.onPremisesSecurityIdentifier(),
                command.onPremisesSamAccountName(),
                command.onPremisesDomainName(),
                command.onPremisesNetBiosName(),
                command.onPremisesDistinguishedName(),
                command.syncedAt(),
                SecurityIdentifiers.fromObjectId(command.groupId()),
                command.ownerIds(),
                command.memberIds());
    }
}
