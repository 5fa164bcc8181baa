package dev.steward.selfservice.support;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.UserSynced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The directory's events, as directory-service publishes them. */
public final class DirectoryEvents {

    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DirectoryEvents() {
    }

    public static EventMetadata metadata(String aggregateId, Instant occurredAt) {
        return new EventMetadata(UUID.randomUUID(), occurredAt, aggregateId, UUID.randomUUID().toString(),
                Initiator.app("a0000000-0000-4000-8000-0000000000a1", "Steward Sync"), 1);
    }

    public static GroupCreated created(GroupSnapshot group, Instant at) {
        return new GroupCreated(metadata(group.id(), at), group);
    }

    public static GroupCreated created(GroupFixture group) {
        return created(group.snapshot(), T0);
    }

    /** The group's creation as directory-service publishes it: GroupCreated, then its owners, then its members. */
    public static IntegrationEvent[] creation(GroupFixture group) {
        List<IntegrationEvent> events = new ArrayList<>(List.of(created(group)));
        if (!group.ownerIds().isEmpty()) {
            events.add(ownersAdded(group, T0, group.ownerIds().toArray(String[]::new)));
        }
        if (!group.memberIds().isEmpty()) {
            events.add(membersAdded(group, T0, group.memberIds().stream().map(DirectoryObjectRef::user)
                    .toArray(DirectoryObjectRef[]::new)));
        }
        return events.toArray(IntegrationEvent[]::new);
    }

    public static GroupUpdated updated(GroupSnapshot group, Instant at) {
        return new GroupUpdated(metadata(group.id(), at), group, List.of(), false);
    }

    public static SourceOfAuthorityChanged sourceOfAuthorityChanged(GroupFixture group, boolean isCloudManaged,
                                                                    Boolean onPremisesSyncEnabled, Instant at) {
        return new SourceOfAuthorityChanged(metadata(group.id(), at), group.id(), group.displayName(), group.anchor(),
                isCloudManaged, onPremisesSyncEnabled, isCloudManaged ? OnPremisesExtensionAttributes.NONE : null);
    }

    public static OwnersAdded ownersAdded(GroupFixture group, Instant at, String... ownerIds) {
        return new OwnersAdded(metadata(group.id(), at), group.id(), List.of(ownerIds), false);
    }

    public static OwnersRemoved ownersRemoved(GroupFixture group, Instant at, String... ownerIds) {
        return new OwnersRemoved(metadata(group.id(), at), group.id(), List.of(ownerIds), false);
    }

    public static MembersAdded membersAdded(GroupFixture group, Instant at, DirectoryObjectRef... members) {
        return new MembersAdded(metadata(group.id(), at), group.id(), List.of(members), false);
    }

    public static MembersRemoved membersRemoved(GroupFixture group, Instant at, DirectoryObjectRef... members) {
        return new MembersRemoved(metadata(group.id(), at), group.id(), List.of(members), false);
    }

    public static GroupDeleted deleted(GroupFixture group, Instant at) {
        return new GroupDeleted(metadata(group.id(), at), group.id(), group.displayName(), group.anchor());
    }

    public static UserSynced userSynced(String userId, String upn, String displayName, Instant at) {
        return new UserSynced(metadata(userId, at), userId, null, upn, displayName, upn, null, null, null, true);
    }

    public static UserSynced userSynced(String userId, String upn) {
        return userSynced(userId, upn, upn.substring(0, upn.indexOf('@')), T0);
    }

    /** The user holds exactly licences of {@code skuIds} from {@code at} on. */
    public static UserLicensesChanged licences(String userId, String upn, Instant at, String... skuIds) {
        return new UserLicensesChanged(metadata(userId, at), userId, upn,
                java.util.Arrays.stream(skuIds).map(sku -> new AssignedLicense(sku, List.of())).toList(),
                List.of(skuIds), List.of());
    }
}
