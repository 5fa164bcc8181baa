package dev.steward.audit;

import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.UserSynced;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contract events as the other services publish them, with fresh ids unless a test fixes them. */
public final class TestEvents {

    public static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    public static final String GROUP_ANCHOR = "0b7a4f7c-55aa-4c2b-9d4e-3f1c2a6b8e01";
    public static final String GROUP_ID = DirectoryIds.fromAnchor(GROUP_ANCHOR);
    public static final String ALICE_ANCHOR = "5d1e7a10-2b3c-4d5e-8f90-a1b2c3d4e5f6";
    public static final String ALICE_ID = DirectoryIds.fromAnchor(ALICE_ANCHOR);
    public static final String BOB_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public static final Initiator ADMIN = new Initiator("8e0c5d52-3b1a-4c8e-9f1d-2a3b4c5d6e7f",
            "admin@corp.example.test", "Admin", "11111111-2222-3333-4444-555555555555", "Steward CLI", "127.0.0.1");
    public static final Initiator SYNC_ENGINE = Initiator.app("a0000000-0000-4000-8000-0000000000a1", "Steward Sync");
    public static final String SKIP_REASON = "The object has not been synced to the cloud because the source of "
            + "authority of the object is in the cloud.";

    private TestEvents() {
    }

    public static EventMetadata metadata(String aggregateId, String correlationId, Instant at, Initiator initiator) {
        return new EventMetadata(UUID.randomUUID(), at, aggregateId, correlationId, initiator, 1);
    }

    public static EventMetadata metadata(String aggregateId) {
        return metadata(aggregateId, UUID.randomUUID().toString(), AT, ADMIN);
    }

    public static GroupSnapshot syncedSecurityGroup(String id, String displayName) {
        return new GroupSnapshot(id, displayName, "Engineering staff", "Engineering", null, false, true, List.of(), AT,
                true, false, GROUP_ANCHOR, "S-1-5-21-1004336348-1177238915-682003330-1105", "Engineering",
                "corp.example.test", "CORP", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", AT,
                OnPremisesExtensionAttributes.NONE);
    }

    public static GroupSnapshot cloudMicrosoft365Group(String id, String displayName) {
        return new GroupSnapshot(id, displayName, null, "team", "team@corp.example.test", true, false,
                List.of("Unified"), AT, null, false, null, null, null, null, null, null, null,
                OnPremisesExtensionAttributes.NONE);
    }

    public static GroupCreated groupCreated(EventMetadata metadata, GroupSnapshot group) {
        return new GroupCreated(metadata, group);
    }

    public static GroupUpdated groupRenamed(EventMetadata metadata, String from, String to, boolean bySync) {
        return new GroupUpdated(metadata, syncedSecurityGroup(GROUP_ID, to),
                List.of(new ModifiedProperty("displayName", "\"" + from + "\"", "\"" + to + "\"")), bySync);
    }

    public static MembersAdded membersAdded(EventMetadata metadata, String groupId, boolean bySync,
                                            DirectoryObjectRef... members) {
        return new MembersAdded(metadata, groupId, List.of(members), bySync);
    }

    public static MembersRemoved membersRemoved(EventMetadata metadata, String groupId, boolean bySync,
                                                DirectoryObjectRef... members) {
        return new MembersRemoved(metadata, groupId, List.of(members), bySync);
    }

    public static OwnersAdded ownersAdded(EventMetadata metadata, String groupId, boolean bySync, String... ownerIds) {
        return new OwnersAdded(metadata, groupId, List.of(ownerIds), bySync);
    }

    public static OwnersRemoved ownersRemoved(EventMetadata metadata, String groupId, boolean bySync,
                                              String... ownerIds) {
        return new OwnersRemoved(metadata, groupId, List.of(ownerIds), bySync);
    }

    public static GroupDeleted groupDeleted(EventMetadata metadata, String groupId, String displayName) {
        return new GroupDeleted(metadata, groupId, displayName, GROUP_ANCHOR);
    }

    public static SourceOfAuthorityChanged sourceOfAuthority(EventMetadata metadata, String groupId, String name,
                                                             boolean cloudManaged) {
        return sourceOfAuthority(metadata, groupId, name, cloudManaged,
                cloudManaged ? OnPremisesExtensionAttributes.NONE : null);
    }

    public static SourceOfAuthorityChanged sourceOfAuthority(EventMetadata metadata, String groupId, String name,
                                                             boolean cloudManaged,
                                                             OnPremisesExtensionAttributes removedExtensionAttributes) {
        return new SourceOfAuthorityChanged(metadata, groupId, name, GROUP_ANCHOR, cloudManaged, null,
                removedExtensionAttributes);
    }

    public static UserSynced userSynced(EventMetadata metadata, boolean created) {
        return new UserSynced(metadata, ALICE_ID, ALICE_ANCHOR, "alice@corp.example.test", "Alice",
                "alice@corp.example.test", "S-1-5-21-1004336348-1177238915-682003330-1106", "alice",
                "CN=Alice,OU=People,DC=corp,DC=example,DC=test", created);
    }

    public static MembershipRequested membershipRequested(EventMetadata metadata) {
        return new MembershipRequested(metadata, metadata.aggregateId(), GROUP_ID, "Engineering", BOB_ID,
                "bob@corp.example.test", List.of(ALICE_ID, TestEvents.ADMIN.userId()), "I work on the build system");
    }

    public static SyncChangeSkipped syncChangeSkipped(EventMetadata metadata) {
        return new SyncChangeSkipped(metadata, "cycle-1", GROUP_ID, GROUP_ANCHOR, "group", "Engineering",
                "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD,
                SKIP_REASON);
    }

    public static SyncCycleCompleted syncCycleCompleted(EventMetadata metadata, String status, String error) {
        return new SyncCycleCompleted(metadata, "cycle-1", "Delta", status, AT, AT.plusSeconds(2), 1, 2, 3, 1,
                error == null ? 0 : 1, error);
    }
}
