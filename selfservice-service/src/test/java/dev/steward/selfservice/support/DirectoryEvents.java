package dev.steward.selfservice.support;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.UserSynced;
import java.time.Instant;
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

    public static GroupUpdated updated(GroupSnapshot group, Instant at) {
        return new GroupUpdated(metadata(group.id(), at), group, List.of(), false);
    }

    public static SourceOfAuthorityChanged sourceOfAuthorityChanged(GroupFixture group, boolean isCloudManaged,
                                                                    Boolean onPremisesSyncEnabled, Instant at) {
        return new SourceOfAuthorityChanged(metadata(group.id(), at), group.id(), group.displayName(), group.anchor(),
                isCloudManaged, onPremisesSyncEnabled);
    }

    public static UserSynced userSynced(String userId, String upn, String displayName, Instant at) {
        return new UserSynced(metadata(userId, at), userId, null, upn, displayName, upn, null, null, null, true);
    }

    public static UserSynced userSynced(String userId, String upn) {
        return userSynced(userId, upn, upn.substring(0, upn.indexOf('@')), T0);
    }
}
