package dev.steward.directory.kafka;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.UserSynced;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserState;
import dev.steward.directory.user.api.UserUpdated;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Translates the directory's domain events into contract events, the only shape other services see. The event id
 * is the domain event's id, so a replay republishes the same ids and consumers drop what they have seen.
 */
final class ContractEvents {

    private ContractEvents() {
    }

    static GroupCreated groupCreated(dev.steward.directory.group.api.GroupCreated event, EventMessage<?> message) {
        return new GroupCreated(metadata(message, event.group().id()), snapshot(event.group()));
    }

    static GroupUpdated groupUpdated(dev.steward.directory.group.api.GroupUpdated event, EventMessage<?> message) {
        return new GroupUpdated(metadata(message, event.group().id()), snapshot(event.group()),
                event.changes().stream()
                        .map(change -> new ModifiedProperty(change.property(), change.oldValue(), change.newValue()))
                        .toList(),
                event.bySync());
    }

    static SourceOfAuthorityChanged sourceOfAuthorityChanged(SourceOfAuthoritySwitched event, EventMessage<?> message) {
        return new SourceOfAuthorityChanged(metadata(message, event.groupId()), event.groupId(), event.displayName(),
                event.onPremisesAnchor(), event.isCloudManaged(), event.onPremisesSyncEnabled(),
                event.removedOnPremisesExtensionAttributes() == null ? null
                        : extensionAttributes(event.removedOnPremisesExtensionAttributes()));
    }

    static UserSynced userCreated(UserCreated event, EventMessage<?> message) {
        return userSynced(event.user(), true, message);
    }

    static UserSynced userUpdated(UserUpdated event, EventMessage<?> message) {
        return userSynced(event.user(), false, message);
    }

    /** A cloud user travels as {@code UserSynced} with no anchor, which every consumer of users reads already. */
    static UserSynced cloudUserCreated(CloudUserCreated event, EventMessage<?> message) {
        return userSynced(event.user(), true, message);
    }

    static UserSynced cloudUserUpdated(CloudUserUpdated event, EventMessage<?> message) {
        return userSynced(event.user(), false, message);
    }

    static UserLicensesChanged userLicensesChanged(UserLicensesAssigned event, EventMessage<?> message) {
        return new UserLicensesChanged(metadata(message, event.userId()), event.userId(), event.userPrincipalName(),
                event.assignedLicenses().stream()
                        .map(license -> new AssignedLicense(license.skuId(), license.disabledPlans())).toList(),
                event.addedSkuIds(), event.removedSkuIds());
    }

    static dev.steward.contracts.event.UserDeleted userDeleted(UserDeleted event, EventMessage<?> message) {
        return new dev.steward.contracts.event.UserDeleted(metadata(message, event.userId()), event.userId(),
                event.userPrincipalName(), event.displayName(), event.onPremisesAnchor());
    }

    static GroupSnapshot snapshot(GroupState group) {
        return new GroupSnapshot(group.id(), group.displayName(), group.description(), group.mailNickname(),
                group.mail(), group.mailEnabled(), group.securityEnabled(), group.groupTypes(),
                group.createdDateTime(), group.onPremisesSyncEnabled(), group.isCloudManaged(),
                group.onPremisesAnchor(), group.onPremisesSecurityIdentifier(), group.onPremisesSamAccountName(),
                group.onPremisesDomainName(), group.onPremisesNetBiosName(), group.onPremisesDistinguishedName(),
                group.onPremisesLastSyncDateTime(), extensionAttributes(group.onPremisesExtensionAttributes()));
    }

    private static OnPremisesExtensionAttributes extensionAttributes(ExtensionAttributes attributes) {
        return OnPremisesExtensionAttributes.of(attributes.values());
    }

    static MembersAdded membersAdded(dev.steward.directory.group.api.MembersAdded event, EventMessage<?> message) {
        return new MembersAdded(metadata(message, event.groupId()), event.groupId(), refs(event.members()),
                event.bySync());
    }

    static MembersRemoved membersRemoved(dev.steward.directory.group.api.MembersRemoved event,
                                         EventMessage<?> message) {
        return new MembersRemoved(metadata(message, event.groupId()), event.groupId(), refs(event.members()),
                event.bySync());
    }

    static OwnersAdded ownersAdded(dev.steward.directory.group.api.OwnersAdded event, EventMessage<?> message) {
        return new OwnersAdded(metadata(message, event.groupId()), event.groupId(), event.ownerIds(), event.bySync());
    }

    static OwnersRemoved ownersRemoved(dev.steward.directory.group.api.OwnersRemoved event, EventMessage<?> message) {
        return new OwnersRemoved(metadata(message, event.groupId()), event.groupId(), event.ownerIds(),
                event.bySync());
    }

    static GroupDeleted groupDeleted(dev.steward.directory.group.api.GroupDeleted event, EventMessage<?> message) {
        return new GroupDeleted(metadata(message, event.groupId()), event.groupId(), event.displayName(),
                event.onPremisesAnchor());
    }

    private static List<DirectoryObjectRef> refs(List<MemberRef> members) {
        return members.stream().map(member -> new DirectoryObjectRef(member.id(), member.type().graphName())).toList();
    }

    static EventMetadata metadata(EventMessage<?> message, String aggregateId) {
        CommandOrigin origin = CommandOrigin.from(message.getMetaData());
        Long version = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new EventMetadata(eventId(message.getIdentifier()), message.getTimestamp(), aggregateId,
                origin.correlationId(), origin.initiator(), EventMetadata.CURRENT_SCHEMA_VERSION, version);
    }

    /** Axon's event identifiers are UUIDs; any other identifier maps to a stable name-based UUID. */
    static UUID eventId(String identifier) {
        try {
            return UUID.fromString(identifier);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static UserSynced userSynced(UserState user, boolean created, EventMessage<?> message) {
        return new UserSynced(metadata(message, user.id()), user.id(), user.onPremisesAnchor(),
                user.userPrincipalName(), user.displayName(), user.mail(), user.onPremisesSecurityIdentifier(),
                user.onPremisesSamAccountName(), user.onPremisesDistinguishedName(), created);
    }
}
