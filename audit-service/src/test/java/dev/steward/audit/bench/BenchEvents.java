package dev.steward.audit.bench;

import dev.steward.audit.TestEvents;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.UserSynced;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's events: an estate of {@value #GROUPS} groups and {@value #USERS} users changed by
 * {@value #ADMINS} administrators and the sync engine. Event {@code n} is, by {@code n % 10}: a group created, a group
 * renamed, three times two members added, a member removed, an owner added, a Source of Authority switch (every
 * other one a rollback), a user synced, a member added by the sync engine: 13 entries per 10 events. With
 * {@code failures}, every 100th event is a failed sync cycle instead (a {@code failure} entry).
 */
final class BenchEvents {

    static final int GROUPS = 10_000;
    static final int USERS = 50_000;
    static final int ADMINS = 1_000;
    static final int ENTRIES_PER_TEN_EVENTS = 13;
    static final Initiator SYNC_ENGINE = TestEvents.SYNC_ENGINE;

    private BenchEvents() {
    }

    static String groupId(int group) {
        return UUID.nameUUIDFromBytes(("bench-group-" + group).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String groupName(int group) {
        return "Bench group " + group;
    }

    static String userId(int user) {
        return UUID.nameUUIDFromBytes(("bench-user-" + user).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Initiator admin(int admin) {
        return new Initiator(UUID.nameUUIDFromBytes(("bench-admin-" + admin).getBytes(StandardCharsets.UTF_8))
                .toString(), "admin" + admin + "@corp.example.test", "Admin " + admin,
                "11111111-2222-3333-4444-555555555555", "Steward CLI", "127.0.0.1");
    }

    /** Event {@code n}, happening {@code at}, in its own correlation {@code correlationPrefix + n}. */
    static IntegrationEvent event(long n, Instant at, String correlationPrefix, boolean failures) {
        int group = (int) (n * 7 % GROUPS);
        int user = (int) (n * 13 % USERS);
        Initiator by = admin((int) (n % ADMINS));
        String correlation = correlationPrefix + n;
        if (failures && n % 100 == 99) {
            return TestEvents.syncCycleCompleted(meta("sync-cycle", correlation, at, SYNC_ENGINE), "Failed",
                    "the connector's bind was refused");
        }
        return switch ((int) (n % 10)) {
            case 0 -> new GroupCreated(meta(groupId(group), correlation, at, by), snapshot(group, groupName(group)));
            case 1 -> new GroupUpdated(meta(groupId(group), correlation, at, by), snapshot(group, groupName(group)),
                    List.of(new ModifiedProperty("displayName", "\"" + groupName(group) + "\"",
                            "\"" + groupName(group) + "\"")), false);
            case 2, 3, 4 -> new MembersAdded(meta(groupId(group), correlation, at, by), groupId(group),
                    List.of(DirectoryObjectRef.user(userId(user)), DirectoryObjectRef.user(userId((user + 1) % USERS))),
                    false);
            case 5 -> new MembersRemoved(meta(groupId(group), correlation, at, by), groupId(group),
                    List.of(DirectoryObjectRef.user(userId(user))), false);
            case 6 -> new OwnersAdded(meta(groupId(group), correlation, at, by), groupId(group),
                    List.of(userId(user)), false);
            case 7 -> new SourceOfAuthorityChanged(meta(groupId(group), correlation, at, by), groupId(group),
                    groupName(group), TestEvents.GROUP_ANCHOR, n % 20 == 7, null,
                    n % 20 == 7 ? OnPremisesExtensionAttributes.NONE : null);
            case 8 -> new UserSynced(meta(userId(user), correlation, at, SYNC_ENGINE), userId(user),
                    UUID.nameUUIDFromBytes(("anchor-" + user).getBytes(StandardCharsets.UTF_8)).toString(),
                    "user" + user + "@corp.example.test", "User " + user, "user" + user + "@corp.example.test",
                    "S-1-5-21-1004336348-1177238915-682003330-" + (2000 + user), "user" + user,
                    "CN=User " + user + ",OU=People,DC=corp,DC=example,DC=test", n % 30 == 8);
            default -> new MembersAdded(meta(groupId(group), correlation, at, SYNC_ENGINE), groupId(group),
                    List.of(DirectoryObjectRef.user(userId(user))), true);
        };
    }

    private static EventMetadata meta(String aggregateId, String correlation, Instant at, Initiator by) {
        return new EventMetadata(UUID.randomUUID(), at, aggregateId, correlation, by, 1);
    }

    private static GroupSnapshot snapshot(int group, String name) {
        return new GroupSnapshot(groupId(group), name, "Benchmark group", "bench" + group, null, false, true,
                List.of(), TestEvents.AT, null, false, null, null, null, null, null, null, null,
                OnPremisesExtensionAttributes.NONE);
    }
}
