package dev.steward.sync.cycle;

import static dev.steward.sync.testing.TestDirectory.ADMINISTRATOR_GUID;
import static dev.steward.sync.testing.TestDirectory.ADMIN_GUID;
import static dev.steward.sync.testing.TestDirectory.ALICE_GUID;
import static dev.steward.sync.testing.TestDirectory.BOB_GUID;
import static dev.steward.sync.testing.TestDirectory.DOMAIN_SID;
import static dev.steward.sync.testing.TestDirectory.ENGINEERING_GUID;
import static dev.steward.sync.testing.TestDirectory.ENGINEERING_LEADS_GUID;
import static dev.steward.sync.testing.TestDirectory.MARKETING_GUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SyncCycleIT extends SyncServiceIntegrationTest {

    private static final String ENGINEERING_DN = "CN=Engineering,OU=Groups," + TestDirectory.BASE_DN;

    @Test
    void initialCycleExportsEveryUserThenEveryGroupWithDerivedIdsOwnersAndMembers() throws Exception {
        JsonNode cycle = runCycle("Initial");
        String cycleId = cycle.get("id").asString();

        assertThat(cycle.get("policyType").asString()).isEqualTo("Initial");
        assertThat(cycle.get("trigger").asString()).isEqualTo("OnDemand");
        assertThat(Instant.parse(cycle.get("startedDateTime").asString()))
                .isBeforeOrEqualTo(Instant.parse(cycle.get("completedDateTime").asString()));
        JsonNode counts = cycle.get("counts");
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(counts.get("added").asInt() + counts.get("updated").asInt() + counts.get("unchanged").asInt())
                .isGreaterThanOrEqualTo(6);

        List<ContractCommand> commands = commandsOf(cycleId);
        Map<String, ContractCommand> byKey = commands.stream().filter(c -> !(c instanceof SyncGroupMembership))
                .collect(Collectors.toMap(ContractCommand::key, Function.identity()));
        // The bind account has no userPrincipalName: not synced.
        assertThat(byKey).doesNotContainKey(DirectoryIds.fromAnchor(ADMINISTRATOR_GUID));

        SyncUser alice = (SyncUser) byKey.get(DirectoryIds.fromAnchor(ALICE_GUID));
        assertThat(alice.anchor()).isEqualTo(ALICE_GUID);
        assertThat(alice.userPrincipalName()).isEqualTo("alice@corp.example.test");
        assertThat(alice.displayName()).isEqualTo("Alice");
        assertThat(alice.mail()).isEqualTo("alice@corp.example.test");
        assertThat(alice.onPremisesSecurityIdentifier()).isEqualTo(DOMAIN_SID + "-1102");
        assertThat(alice.onPremisesSamAccountName()).isEqualTo("alice");
        assertThat(alice.onPremisesDistinguishedName()).isEqualTo("CN=Alice,CN=Users," + TestDirectory.BASE_DN);
        assertThat(byKey).containsKeys(DirectoryIds.fromAnchor(ADMIN_GUID), DirectoryIds.fromAnchor(BOB_GUID));

        SyncGroup engineering = (SyncGroup) byKey.get(DirectoryIds.fromAnchor(ENGINEERING_GUID));
        assertThat(engineering.anchor()).isEqualTo(ENGINEERING_GUID);
        assertThat(engineering.displayName()).isEqualTo("Engineering");
        assertThat(engineering.description()).isEqualTo("Engineering staff");
        assertThat(engineering.mailNickname()).isEqualTo("Engineering");
        assertThat(engineering.securityEnabled()).isTrue();
        assertThat(engineering.mailEnabled()).isFalse();
        assertThat(engineering.groupTypes()).isEmpty();
        assertThat(engineering.onPremisesSecurityIdentifier()).isEqualTo(DOMAIN_SID + "-1104");
        assertThat(engineering.onPremisesSamAccountName()).isEqualTo("Engineering");
        assertThat(engineering.onPremisesDomainName()).isEqualTo("corp.example.test");
        assertThat(engineering.onPremisesNetBiosName()).isEqualTo("CORP");
        assertThat(engineering.onPremisesDistinguishedName()).isEqualTo(ENGINEERING_DN);

        SyncGroup leads = (SyncGroup) byKey.get(DirectoryIds.fromAnchor(ENGINEERING_LEADS_GUID));

        SyncGroup marketing = (SyncGroup) byKey.get(DirectoryIds.fromAnchor(MARKETING_GUID));
        assertThat(marketing.mailEnabled()).isTrue();
        assertThat(marketing.securityEnabled()).isFalse();
        assertThat(marketing.mail()).isEqualTo("marketing@corp.example.test");

        // Owners and members went as SyncGroupMembership differences (in this cycle, or in an earlier one of another
        // test): all of them together give AD's membership, and the directory confirmed it.
        assertThat(membershipSent(ENGINEERING_GUID)).isEqualTo(new Membership(
                List.of(DirectoryIds.fromAnchor(BOB_GUID), DirectoryIds.fromAnchor(ENGINEERING_LEADS_GUID)),
                List.of(DirectoryIds.fromAnchor(ALICE_GUID))));
        assertThat(membershipSent(ENGINEERING_LEADS_GUID)).isEqualTo(new Membership(
                List.of(DirectoryIds.fromAnchor(ALICE_GUID)), List.of(DirectoryIds.fromAnchor(ALICE_GUID))));
        assertThat(membershipSent(MARKETING_GUID)).isEqualTo(new Membership(
                List.of(DirectoryIds.fromAnchor(BOB_GUID)), List.of(DirectoryIds.fromAnchor(ALICE_GUID))));
        for (String group : List.of(ENGINEERING_GUID, ENGINEERING_LEADS_GUID, MARKETING_GUID)) {
            assertThat(connectorSpaceRepository.exportedMembership(group)).isEqualTo(membershipSent(group));
        }
        // A group's membership follows its SyncGroup.
        commands.stream().filter(SyncGroupMembership.class::isInstance).forEach(chunk ->
                assertThat(chunk.metadata().issuedAt()).isAfterOrEqualTo(byKey.values().stream()
                        .filter(c -> c instanceof SyncGroup g && g.groupId().equals(chunk.key())).findFirst()
                        .orElseThrow().metadata().issuedAt()));

        // Users first, then groups; a nested group before the group that contains it.
        Instant lastUser = commands.stream().filter(SyncUser.class::isInstance)
                .map(c -> c.metadata().issuedAt()).max(Instant::compareTo).orElseThrow();
        Instant firstGroup = commands.stream().filter(SyncGroup.class::isInstance)
                .map(c -> c.metadata().issuedAt()).min(Instant::compareTo).orElseThrow();
        assertThat(lastUser).isBeforeOrEqualTo(firstGroup);
        assertThat(leads.metadata().issuedAt()).isBeforeOrEqualTo(engineering.metadata().issuedAt());

        // Every export is authenticated with the sync engine's token.
        List<TopicRecorder.Recorded> records = recorder().messages(Topics.DIRECTORY_COMMANDS).stream()
                .filter(r -> cycleId.equals(((ContractCommand) r.message()).metadata().correlationId()))
                .toList();
        assertThat(records).hasSize(commands.size()).allSatisfy(r -> {
            assertThat(r.header(CloudEventHeaders.AUTHORIZATION)).isEqualTo("Bearer " + DIRECTORY_TOKEN);
            assertThat(r.header(CloudEventHeaders.TYPE)).isIn("directory.SyncUser", "directory.SyncGroup",
                    "directory.SyncGroupMembership");
            assertThat(r.record().key()).isEqualTo(r.message().key());
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            recorder().catchUp();
            assertThat(recorder().messages(Topics.SYNC_EVENTS)).map(TopicRecorder.Recorded::message)
                    .filteredOn(SyncCycleCompleted.class::isInstance).map(SyncCycleCompleted.class::cast)
                    .filteredOn(e -> e.cycleId().equals(cycleId))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo("Succeeded");
                        assertThat(e.policyType()).isEqualTo("Initial");
                        assertThat(e.objectsFailed()).isZero();
                        assertThat(e.metadata().initiator().userPrincipalName()).isEqualTo("admin@corp.example.test");
                    });
        });

        JsonNode entry = connectorSpace(DirectoryIds.fromAnchor(ENGINEERING_GUID));
        assertThat(entry.get("anchor").asString()).isEqualTo(ENGINEERING_GUID);
        assertThat(entry.get("objectType").asString()).isEqualTo("group");
        assertThat(entry.get("blockOnPremisesSync").asBoolean()).isFalse();
        assertThat(entry.get("exportedValues").get("displayName").asString()).isEqualTo("Engineering");
    }

    @Test
    void sendsMembershipOnlyAfterEveryUserAndGroupOfTheCycle() throws Exception {
        awaitIdle();
        addGroup("Cycle-Phases", userDn("Alice"), userDn("Bob"));
        String cycleId = runCycle("Initial").get("id").asString();

        recorder().catchUp();
        List<TopicRecorder.Recorded> sent = recorder().messages(Topics.DIRECTORY_COMMANDS).stream()
                .filter(m -> m.message() instanceof ContractCommand c && cycleId.equals(c.metadata().correlationId()))
                .toList();
        long lastObject = sent.stream().filter(m -> !(m.message() instanceof SyncGroupMembership))
                .mapToLong(m -> m.record().timestamp()).max().orElseThrow();
        long firstMembership = sent.stream().filter(m -> m.message() instanceof SyncGroupMembership)
                .mapToLong(m -> m.record().timestamp()).min().orElseThrow();
        assertThat(firstMembership).isGreaterThanOrEqualTo(lastObject);
    }

    @Test
    void deltaCycleExportsOnlyTheGroupThatChangedInAd() throws Exception {
        runCycle("Delta"); // settle whatever earlier tests left

        TestDirectory.server().modify("CN=Marketing-DL,OU=Groups," + TestDirectory.BASE_DN,
                new Modification(ModificationType.REPLACE, "description", "Marketing, events and campaigns"));
        JsonNode cycle = runCycle("Delta");

        List<ContractCommand> commands = commandsOf(cycle.get("id").asString());
        assertThat(commands).singleElement().isInstanceOfSatisfying(SyncGroup.class, group -> {
            assertThat(group.groupId()).isEqualTo(DirectoryIds.fromAnchor(MARKETING_GUID));
            assertThat(group.description()).isEqualTo("Marketing, events and campaigns");
        });
        assertThat(cycle.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(cycle.get("counts").get("added").asInt()).isZero();
        assertThat(cycle.get("counts").get("unchanged").asInt()).isGreaterThanOrEqualTo(5);

        JsonNode quiet = runCycle("Delta");
        assertThat(commandsOf(quiet.get("id").asString())).isEmpty();
        assertThat(quiet.get("counts").get("updated").asInt()).isZero();
    }

    @Test
    void deltaCycleExportsAChangedExtensionAttribute() throws Exception {
        awaitIdle();
        String anchor = addGroup("Cycle-ExtensionAttributes", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        JsonNode first = runCycle("Delta");
        assertThat(commandsOf(first.get("id").asString()))
                .filteredOn(c -> c instanceof SyncGroup && c.key().equals(groupId)).singleElement()
                .isInstanceOfSatisfying(SyncGroup.class,
                        group -> assertThat(group.onPremisesExtensionAttributes().anySet()).isFalse());

        TestDirectory.server().modify(groupDn("Cycle-ExtensionAttributes"),
                new Modification(ModificationType.REPLACE, "extensionAttribute3", "Munich"));
        JsonNode changed = runCycle("Delta");

        assertThat(commandsOf(changed.get("id").asString())).singleElement().isInstanceOfSatisfying(SyncGroup.class,
                group -> {
                    assertThat(group.groupId()).isEqualTo(groupId);
                    assertThat(group.onPremisesExtensionAttributes().extensionAttribute3()).isEqualTo("Munich");
                    assertThat(group.onPremisesExtensionAttributes().extensionAttribute1()).isNull();
                });
        assertThat(changed.get("counts").get("updated").asInt()).isEqualTo(1);

        TestDirectory.server().modify(groupDn("Cycle-ExtensionAttributes"),
                new Modification(ModificationType.DELETE, "extensionAttribute3"));
        JsonNode cleared = runCycle("Delta");

        assertThat(commandsOf(cleared.get("id").asString())).singleElement().isInstanceOfSatisfying(SyncGroup.class,
                group -> assertThat(group.onPremisesExtensionAttributes().anySet()).isFalse());
        assertThat(commandsOf(runCycle("Delta").get("id").asString())).isEmpty();
    }

    @Test
    void deltaCycleExportsAUsersChangedExtensionAttribute() throws Exception {
        awaitIdle();
        String userId = DirectoryIds.fromAnchor(addUser("Cycle-UserExtension"));
        runCycle("Delta");

        TestDirectory.server().modify(userDn("Cycle-UserExtension"),
                new Modification(ModificationType.REPLACE, "extensionAttribute7", "Cost centre 42"));
        JsonNode changed = runCycle("Delta");

        assertThat(commandsOf(changed.get("id").asString())).singleElement().isInstanceOfSatisfying(SyncUser.class,
                user -> {
                    assertThat(user.userId()).isEqualTo(userId);
                    assertThat(user.onPremisesExtensionAttributes().extensionAttribute7()).isEqualTo("Cost centre 42");
                    assertThat(user.onPremisesExtensionAttributes().extensionAttribute1()).isNull();
                });
        assertThat(changed.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(commandsOf(runCycle("Delta").get("id").asString())).isEmpty();
    }

    @Test
    void exportRejectedByTheDirectoryCountsAsFailedAndIsExportedAgainByTheNextDelta() throws Exception {
        awaitIdle();
        String anchor = addGroup("Cycle-Rejected", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        directory().rejectNext(SyncGroup.class, groupId, "Request_BadRequest");

        JsonNode cycle = runCycle("Delta");

        assertThat(commandsOf(cycle.get("id").asString())).filteredOn(c -> c.key().equals(groupId))
                .first().isInstanceOf(SyncGroup.class);
        assertThat(cycle.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(cycle.get("counts").get("added").asInt()).isZero();
        JsonNode retry = runCycle("Delta");
        assertThat(commandsOf(retry.get("id").asString())).singleElement().isInstanceOfSatisfying(SyncGroup.class,
                group -> assertThat(group.groupId()).isEqualTo(groupId));
        assertThat(retry.get("counts").get("added").asInt()).isEqualTo(1);
        assertThat(retry.get("counts").get("failed").asInt()).isZero();
    }

    @Test
    void sendsFirstSyncMembershipAsAdditionsInChunksOfAThousand() throws Exception {
        awaitIdle();
        List<String> userCns = IntStream.range(0, 2_500).mapToObj(i -> String.format("Bulk-%04d", i)).toList();
        List<String> userIds = new ArrayList<>();
        String anchor = null;
        try {
            for (String cn : userCns) {
                userIds.add(DirectoryIds.fromAnchor(addUser(cn)));
            }
            anchor = addGroup("Cycle-Bulk", userDn("Alice"), userCns.stream().map(SyncServiceIntegrationTest::userDn)
                    .toArray(String[]::new));
            String groupId = DirectoryIds.fromAnchor(anchor);
            String groupAnchor = anchor;

            // 2,500 new users and their results take a while on a shared machine.
            JsonNode cycle = runCycle("Delta", Duration.ofMinutes(3));

            List<SyncGroupMembership> chunks = membershipCommandsOf(cycle.get("id").asString(), groupId);
            assertThat(chunks).hasSize(3);
            assertThat(chunks).map(c -> c.addedMemberIds().size() + c.addedOwnerIds().size())
                    .containsExactly(1_000, 1_000, 501);
            assertThat(chunks).allSatisfy(c -> {
                assertThat(c.anchor()).isEqualTo(groupAnchor);
                assertThat(c.removedMemberIds()).isEmpty();
                assertThat(c.removedOwnerIds()).isEmpty();
            });
            assertThat(chunks.stream().flatMap(c -> c.addedMemberIds().stream()))
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(userIds);
            assertThat(chunks.stream().flatMap(c -> c.addedOwnerIds().stream()))
                    .containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
            assertThat(connectorSpaceRepository.exportedMembership(anchor).memberIds()).hasSize(2_500);
            assertThat(cycle.get("counts").get("failed").asInt()).isZero();
        } finally {
            if (anchor != null) {
                TestDirectory.server().delete(groupDn("Cycle-Bulk"));
            }
            for (String cn : userCns.subList(0, userIds.size())) {
                TestDirectory.server().delete(userDn(cn));
            }
            runCycle("Delta", Duration.ofMinutes(3)); // their deletions, so the next test starts without them
        }
    }

    @Test
    void sendsOnlyTheMemberDifferenceOnALaterCycle() throws Exception {
        awaitIdle();
        String anchor = addGroup("Cycle-Difference", userDn("Alice"), userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");

        TestDirectory.server().modify(groupDn("Cycle-Difference"),
                new Modification(ModificationType.ADD, "member", userDn("Bob")));
        JsonNode added = runCycle("Delta");

        assertThat(commandsOf(added.get("id").asString())).singleElement()
                .isInstanceOfSatisfying(SyncGroupMembership.class, chunk -> {
                    assertThat(chunk.groupId()).isEqualTo(groupId);
                    assertThat(chunk.addedMemberIds()).containsExactly(DirectoryIds.fromAnchor(BOB_GUID));
                    assertThat(chunk.removedMemberIds()).isEmpty();
                    assertThat(chunk.addedOwnerIds()).isEmpty();
                    assertThat(chunk.removedOwnerIds()).isEmpty();
                });
        assertThat(added.get("counts").get("updated").asInt()).isEqualTo(1);

        TestDirectory.server().modify(groupDn("Cycle-Difference"),
                new Modification(ModificationType.DELETE, "member", userDn("Alice")),
                new Modification(ModificationType.DELETE, "managedBy"));
        JsonNode removed = runCycle("Delta");

        assertThat(commandsOf(removed.get("id").asString())).singleElement()
                .isInstanceOfSatisfying(SyncGroupMembership.class, chunk -> {
                    assertThat(chunk.addedMemberIds()).isEmpty();
                    assertThat(chunk.removedMemberIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
                    assertThat(chunk.removedOwnerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
                });
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(
                new Membership(List.of(DirectoryIds.fromAnchor(BOB_GUID)), List.of()));
    }

    @Test
    void sendsNoMembershipCommandWhenNothingChanged() throws Exception {
        awaitIdle();
        String anchor = addGroup("Cycle-Quiet", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        JsonNode first = runCycle("Delta");
        assertThat(membershipCommandsOf(first.get("id").asString(), groupId)).hasSize(1);

        JsonNode delta = runCycle("Delta");
        JsonNode initial = runCycle("Initial");

        assertThat(commandsOf(delta.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        // An Initial cycle sends the group's values again, but its membership only when it differs.
        assertThat(commandsOf(initial.get("id").asString())).filteredOn(c -> c.key().equals(groupId))
                .singleElement().isInstanceOf(SyncGroup.class);
    }

    @Test
    void retriesARejectedMembershipChunkOnTheNextCycle() throws Exception {
        awaitIdle();
        String anchor = addGroup("Cycle-Retried", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        directory().rejectNext(SyncGroupMembership.class, groupId, "Request_ResourceNotFound");

        JsonNode rejected = runCycle("Delta");

        assertThat(membershipCommandsOf(rejected.get("id").asString(), groupId)).hasSize(1);
        assertThat(rejected.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(rejected.get("counts").get("added").asInt()).isZero();
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(Membership.NONE);

        JsonNode retry = runCycle("Delta");

        // The SyncGroup succeeded and is not sent again; the membership is.
        assertThat(commandsOf(retry.get("id").asString())).singleElement()
                .isInstanceOfSatisfying(SyncGroupMembership.class, chunk -> {
                    assertThat(chunk.addedMemberIds()).containsExactly(DirectoryIds.fromAnchor(BOB_GUID));
                    assertThat(chunk.addedOwnerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
                });
        assertThat(retry.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(retry.get("counts").get("failed").asInt()).isZero();
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(new Membership(
                List.of(DirectoryIds.fromAnchor(BOB_GUID)), List.of(DirectoryIds.fromAnchor(ALICE_GUID))));
    }

    /** Every SyncGroupMembership sent for the group so far, applied in order. */
    private Membership membershipSent(String anchor) {
        String groupId = DirectoryIds.fromAnchor(anchor);
        recorder().catchUp();
        Membership membership = Membership.NONE;
        for (TopicRecorder.Recorded recorded : recorder().messages(Topics.DIRECTORY_COMMANDS)) {
            if (recorded.message() instanceof SyncGroupMembership chunk && chunk.groupId().equals(groupId)) {
                membership = membership.apply(new MembershipChange(chunk.addedMemberIds(), chunk.removedMemberIds(),
                        chunk.addedOwnerIds(), chunk.removedOwnerIds()));
            }
        }
        return membership;
    }
}
