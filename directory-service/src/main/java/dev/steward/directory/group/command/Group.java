package dev.steward.directory.group.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SecurityIdentifiers;
import dev.steward.directory.group.api.ChangeMembers;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.CreateGroupFromOnPremises;
import dev.steward.directory.group.api.DeleteGroup;
import dev.steward.directory.group.api.DeleteGroupFromOnPremises;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupProperties;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.OwnersAdded;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.api.OwnersRemoved;
import dev.steward.directory.group.api.PropertyChange;
import dev.steward.directory.group.api.RemoveDeletedUser;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.group.api.SyncMembershipFromOnPremises;
import dev.steward.directory.group.api.UpdateGroup;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A group, its members and owners, and its Source of Authority (DOMAIN.md section 2). Where a write is decided:
 * <pre>
 * state                                  isCloudManaged  onPremisesSyncEnabled  cloud writes   sync writes
 * synced from AD                         false           true                   refused        applied
 * SOA switched to cloud                  true            null                   allowed (*)    refused
 * rolled back, before the next sync      false           null                   allowed (*)    take it over
 * created in the cloud                   false           null                   allowed (*)    n/a
 * (*) except mail-enabled security groups and distribution lists, managed by the mail system only
 * </pre>
 * AD's extension attributes 1-15 come with each sync; moving the SOA to the cloud removes them (the switch event
 * keeps the removed values), and a sync that takes a rolled-back group over brings AD's back. No cloud write sets
 * them.
 * Members and owners change in events of at most {@value MembershipRules#MAX_PER_EVENT} ids. A command that would
 * change nothing succeeds without an event, except where Graph answers an error (adding an existing member).
 */
@Aggregate(cache = "groupCache")
public class Group {

    @AggregateIdentifier
    private String id;
    private GroupState state;
    private final Map<String, ObjectType> members = new HashMap<>();
    private final Set<String> owners = new HashSet<>();

    protected Group() {
    }

    @CommandHandler
    public Group(CreateGroup command, Clock clock, DirectoryObjects directory) {
        List<String> groupTypes = command.groupTypes();
        GroupRules.checkCloudKind(groupTypes, command.mailEnabled(), command.securityEnabled());
        GroupRules.checkReferenceCount(command.ownerIds(), GroupProperties.MAX_BIND);
        GroupRules.checkReferenceCount(command.memberIds(), GroupProperties.MAX_BIND);
        GroupState created = new GroupState(
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
                ExtensionAttributes.NONE);
        MembershipRules rules = new MembershipRules(command.groupId(), created, Map.of(), Set.of(), directory);
        List<String> ownerIds = rules.ownersToAdd(command.ownerIds());
        List<MemberRef> memberRefs = rules.membersToAdd(command.memberIds(), true);
        apply(new GroupCreated(created, false));
        if (!ownerIds.isEmpty()) {
            apply(new OwnersAdded(command.groupId(), ownerIds, false));
        }
        if (!memberRefs.isEmpty()) {
            apply(new MembersAdded(command.groupId(), memberRefs, false));
        }
    }

    @CommandHandler
    public Group(CreateGroupFromOnPremises command, Clock clock) {
        apply(new GroupCreated(fromOnPremises(command.sync(), clock.instant()), true));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SyncGroupFromOnPremises command, Clock clock) {
        if (state == null) {
            apply(new GroupCreated(fromOnPremises(command, clock.instant()), true));
            return;
        }
        checkSyncAllowed(command.anchor());
        GroupState next = fromOnPremises(command, state.createdDateTime());
        List<PropertyChange> changes = state.changesTo(next);
        if (!changes.isEmpty()) {
            apply(new GroupUpdated(next, changes, true));
        }
    }

    @CommandHandler
    public void handle(SyncMembershipFromOnPremises command, DirectoryObjects directory) {
        checkSyncAllowed(command.anchor());
        MembershipRules rules = rules(directory);
        List<MemberRef> addedMembers = rules.membersToAdd(command.addedMemberIds(), false);
        List<MemberRef> removedMembers = command.removedMemberIds().stream().filter(members::containsKey)
                .map(member -> new MemberRef(member, members.get(member))).toList();
        List<String> addedOwners = rules.syncOwnersToAdd(command.addedOwnerIds());
        List<String> removedOwners = command.removedOwnerIds().stream().filter(owners::contains).toList();
        if (!removedOwners.isEmpty()) {
            apply(new OwnersRemoved(id, removedOwners, true));
        }
        if (!addedOwners.isEmpty()) {
            apply(new OwnersAdded(id, addedOwners, true));
        }
        if (!removedMembers.isEmpty()) {
            apply(new MembersRemoved(id, removedMembers, true));
        }
        if (!addedMembers.isEmpty()) {
            apply(new MembersAdded(id, addedMembers, true));
        }
    }

    @CommandHandler
    public void handle(UpdateGroup command, DirectoryObjects directory) {
        GroupRules.checkSettable(command.properties(), GroupProperties.UPDATABLE);
        String displayName = command.properties().contains("displayName")
                ? GroupRules.displayName(command.displayName()) : state.displayName();
        String description = command.properties().contains("description")
                ? GroupRules.description(command.description()) : state.description();
        String mailNickname = command.properties().contains("mailNickname")
                ? GroupRules.mailNickname(command.mailNickname()) : state.mailNickname();
        String visibility = command.properties().contains("visibility")
                ? GroupRules.visibility(command.visibility()) : state.visibility();
        GroupRules.checkReferenceCount(command.addedMemberIds(), GroupProperties.MAX_BIND);
        checkCloudWritable();
        List<MemberRef> addedMembers = rules(directory).membersToAdd(command.addedMemberIds(), true);
        GroupState next = state.withCloudEdits(displayName, description, mailNickname, visibility);
        List<PropertyChange> changes = state.changesTo(next);
        if (!changes.isEmpty()) {
            apply(new GroupUpdated(next, changes, false));
        }
        if (!addedMembers.isEmpty()) {
            apply(new MembersAdded(id, addedMembers, false));
        }
    }

    @CommandHandler
    public void handle(ChangeMembers command, DirectoryObjects directory) {
        checkCloudWritable();
        MembershipRules rules = rules(directory);
        boolean add = command.change() == ChangeMembers.Change.ADD;
        if (command.relation() == ChangeMembers.Relation.MEMBERS) {
            if (add) {
                apply(new MembersAdded(id, rules.membersToAdd(command.ids(), true), false));
            } else {
                apply(new MembersRemoved(id, rules.membersToRemove(command.ids()), false));
            }
        } else if (add) {
            apply(new OwnersAdded(id, rules.ownersToAdd(command.ids()), false));
        } else {
            apply(new OwnersRemoved(id, rules.ownersToRemove(command.ids()), false));
        }
    }

    @CommandHandler
    public void handle(DeleteGroup command) {
        checkCloudWritable();
        apply(new GroupDeleted(id, state.displayName(), state.onPremisesAnchor()));
    }

    @CommandHandler
    public void handle(DeleteGroupFromOnPremises command) {
        checkSyncAllowed(command.anchor());
        apply(new GroupDeleted(id, state.displayName(), state.onPremisesAnchor()));
    }

    @CommandHandler
    public void handle(RemoveDeletedUser command) {
        if (owners.contains(command.userId())) {
            apply(new OwnersRemoved(id, List.of(command.userId()), false));
        }
        if (members.containsKey(command.userId())) {
            apply(new MembersRemoved(id, List.of(new MemberRef(command.userId(), ObjectType.USER)), false));
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
                command.isCloudManaged(), null,
                command.isCloudManaged() ? state.onPremisesExtensionAttributes() : null));
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

    @EventSourcingHandler
    void on(MembersAdded event) {
        event.members().forEach(member -> members.put(member.id(), member.type()));
    }

    @EventSourcingHandler
    void on(MembersRemoved event) {
        event.members().forEach(member -> members.remove(member.id()));
    }

    @EventSourcingHandler
    void on(OwnersAdded event) {
        owners.addAll(event.ownerIds());
    }

    @EventSourcingHandler
    void on(OwnersRemoved event) {
        event.ownerIds().forEach(owners::remove);
    }

    @EventSourcingHandler
    void on(GroupDeleted event) {
        markDeleted();
    }

    private MembershipRules rules(DirectoryObjects directory) {
        return new MembershipRules(id, state, members, owners, directory);
    }

    private void checkCloudWritable() {
        if (state.masteredOnPremises()) {
            throw new DirectoryException(DirectoryErrorCode.ON_PREMISES_MASTERED);
        }
        if (state.managedByMailSystem()) {
            throw new DirectoryException(DirectoryErrorCode.MAIL_SYSTEM_MANAGED);
        }
    }

    private void checkSyncAllowed(String anchor) {
        if (state.isCloudManaged()) {
            throw new DirectoryException(DirectoryErrorCode.SOURCE_OF_AUTHORITY_IN_CLOUD);
        }
        if (!anchor.equals(state.onPremisesAnchor())) {
            throw new DirectoryException(DirectoryErrorCode.ANCHOR_MISMATCH);
        }
    }

    /** AD's values win; the group is AD-mastered again (which takes a rolled-back group over). */
    private static GroupState fromOnPremises(SyncGroupFromOnPremises command, Instant createdDateTime) {
        command.checkText();
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
                command.onPremisesExtensionAttributes());
    }
}
