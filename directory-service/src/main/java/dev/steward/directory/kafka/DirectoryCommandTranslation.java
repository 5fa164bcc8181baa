package dev.steward.directory.kafka;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.AddOwners;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.CreateGroup;
import dev.steward.contracts.command.DeleteGroup;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.command.RemoveOwners;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.command.UpdateGroup;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.group.api.ChangeMembers;
import dev.steward.directory.group.api.DeleteGroupFromOnPremises;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.group.api.SyncMembershipFromOnPremises;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.license.api.AssignUserLicenses;
import dev.steward.directory.license.api.UserLicense;
import dev.steward.directory.policy.LicenseAssignmentPolicy;
import dev.steward.directory.policy.DirectorySyncPolicy;
import dev.steward.directory.policy.GroupMembershipWritePolicy;
import dev.steward.directory.policy.GroupWritePolicy;
import dev.steward.directory.policy.SourceOfAuthorityPolicy;
import dev.steward.directory.settings.query.GroupCreation;
import dev.steward.directory.user.api.DeleteUserFromOnPremises;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A contract command from Kafka as the Axon command it becomes, with the policy that authorises it: the same
 * policies as the HTTP API.
 */
record DirectoryCommandTranslation(Object command, Predicate<Caller> policy) {

    /** The command to run for an authorised caller (a group's creator becomes its owner if it names none). */
    Object commandFor(Caller caller, GroupCreation creation) {
        return command instanceof dev.steward.directory.group.api.CreateGroup create
                ? creation.withCreatorAsOwner(caller, create) : command;
    }

    /**
     * @param memberships who owns which group (for delegated writes by owners)
     * @param creation    group creation as the tenant settings allow it
     * @param mailDomain  the domain of Microsoft 365 groups' mail addresses
     * @throws IllegalArgumentException for a message that is not a directory command (dead-lettered)
     */
    static DirectoryCommandTranslation of(ContractCommand command, MembershipReadModel memberships,
                                          GroupCreation creation, String mailDomain) {
        BiPredicate<String, String> owns = memberships::isOwner;
        if (command instanceof CreateGroup create) {
            var group = new dev.steward.directory.group.api.CreateGroup(
                    ObjectIds.normalize(create.groupId()), create.displayName(), create.description(),
                    create.mailNickname(), dev.steward.directory.group.api.CreateGroup.mailOf(create.groupTypes(),
                            create.mailEnabled(), create.mailNickname(), mailDomain),
                    create.mailEnabled(), create.securityEnabled(), create.groupTypes(), create.visibility(),
                    ObjectIds.normalize(create.ownerIds()), ObjectIds.normalize(create.memberIds()));
            return new DirectoryCommandTranslation(group, caller -> creation.allows(caller, group));
        }
        if (command instanceof UpdateGroup update) {
            String group = ObjectIds.normalize(update.groupId());
            Map<String, String> values = update.properties();
            return new DirectoryCommandTranslation(new dev.steward.directory.group.api.UpdateGroup(group,
                    values.keySet(), values.get("displayName"), values.get("description"), values.get("mailNickname"),
                    values.get("visibility"), List.of()),
                    caller -> GroupWritePolicy.allows(caller, memberships.ownerIds(group)));
        }
        if (command instanceof DeleteGroup delete) {
            String group = ObjectIds.normalize(delete.groupId());
            return new DirectoryCommandTranslation(new dev.steward.directory.group.api.DeleteGroup(group),
                    caller -> GroupWritePolicy.allows(caller, memberships.ownerIds(group)));
        }
        if (command instanceof ChangeSourceOfAuthority change) {
            return new DirectoryCommandTranslation(
                    new SwitchSourceOfAuthority(ObjectIds.normalize(change.groupId()), change.isCloudManaged()),
                    SourceOfAuthorityPolicy::allowsSwitch);
        }
        if (command instanceof SyncGroup sync) {
            return new DirectoryCommandTranslation(new SyncGroupFromOnPremises(sync.groupId(), sync.anchor(),
                    sync.displayName(), sync.description(), sync.mailNickname(), sync.mail(), sync.mailEnabled(),
                    sync.securityEnabled(), sync.groupTypes(), sync.onPremisesSecurityIdentifier(),
                    sync.onPremisesSamAccountName(), sync.onPremisesDomainName(), sync.onPremisesNetBiosName(),
                    sync.onPremisesDistinguishedName(),
                    ExtensionAttributes.of(sync.onPremisesExtensionAttributes().values()), sync.syncedAt()),
                    DirectorySyncPolicy::allows);
        }
        if (command instanceof SyncGroupMembership sync) {
            return new DirectoryCommandTranslation(new SyncMembershipFromOnPremises(sync.groupId(), sync.anchor(),
                    ObjectIds.normalize(sync.addedMemberIds()), ObjectIds.normalize(sync.removedMemberIds()),
                    ObjectIds.normalize(sync.addedOwnerIds()), ObjectIds.normalize(sync.removedOwnerIds()),
                    sync.syncedAt()), DirectorySyncPolicy::allows);
        }
        if (command instanceof SyncUser sync) {
            return new DirectoryCommandTranslation(new SyncUserFromOnPremises(sync.userId(), sync.anchor(),
                    sync.userPrincipalName(), sync.displayName(), sync.mail(), sync.onPremisesSecurityIdentifier(),
                    sync.onPremisesSamAccountName(), sync.onPremisesDistinguishedName(),
                    ExtensionAttributes.of(sync.onPremisesExtensionAttributes().values()), sync.syncedAt()),
                    DirectorySyncPolicy::allows);
        }
        if (command instanceof SyncDeletion deletion) {
            return new DirectoryCommandTranslation(SyncDeletion.GROUP.equals(deletion.objectType())
                    ? new DeleteGroupFromOnPremises(deletion.objectId(), deletion.anchor())
                    : new DeleteUserFromOnPremises(deletion.objectId(), deletion.anchor()), DirectorySyncPolicy::allows);
        }
        if (command instanceof AssignLicense assign) {
            return new DirectoryCommandTranslation(new AssignUserLicenses(ObjectIds.normalize(assign.userId()),
                    assign.addLicenses().stream()
                            .map(license -> new UserLicense(license.skuId(), license.disabledPlans())).toList(),
                    assign.removeLicenses()), LicenseAssignmentPolicy::allows);
        }
        if (command instanceof AddMembers add) {
            return membership(add.groupId(), ChangeMembers.Relation.MEMBERS, ChangeMembers.Change.ADD,
                    add.memberIds(), owns);
        }
        if (command instanceof RemoveMembers remove) {
            return membership(remove.groupId(), ChangeMembers.Relation.MEMBERS, ChangeMembers.Change.REMOVE,
                    remove.memberIds(), owns);
        }
        if (command instanceof AddOwners add) {
            return membership(add.groupId(), ChangeMembers.Relation.OWNERS, ChangeMembers.Change.ADD,
                    add.ownerIds(), owns);
        }
        if (command instanceof RemoveOwners remove) {
            return membership(remove.groupId(), ChangeMembers.Relation.OWNERS, ChangeMembers.Change.REMOVE,
                    remove.ownerIds(), owns);
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not a directory command");
    }

    private static DirectoryCommandTranslation membership(String groupId, ChangeMembers.Relation relation,
                                                          ChangeMembers.Change change, List<String> ids,
                                                          BiPredicate<String, String> owns) {
        String group = ObjectIds.normalize(groupId);
        return new DirectoryCommandTranslation(new ChangeMembers(group, relation, change, ObjectIds.normalize(ids)),
                caller -> GroupMembershipWritePolicy.allows(caller, user -> owns.test(group, user)));
    }
}
