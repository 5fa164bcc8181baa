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
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        Map<String, ContractCommand> byKey = commands.stream()
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
        assertThat(engineering.ownerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
        assertThat(engineering.memberIds()).containsExactlyInAnyOrder(DirectoryIds.fromAnchor(BOB_GUID),
                DirectoryIds.fromAnchor(ENGINEERING_LEADS_GUID));

        SyncGroup leads = (SyncGroup) byKey.get(DirectoryIds.fromAnchor(ENGINEERING_LEADS_GUID));
        assertThat(leads.memberIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));

        SyncGroup marketing = (SyncGroup) byKey.get(DirectoryIds.fromAnchor(MARKETING_GUID));
        assertThat(marketing.mailEnabled()).isTrue();
        assertThat(marketing.securityEnabled()).isFalse();
        assertThat(marketing.mail()).isEqualTo("marketing@corp.example.test");
        assertThat(marketing.ownerIds()).containsExactly(DirectoryIds.fromAnchor(ALICE_GUID));
        assertThat(marketing.memberIds()).containsExactly(DirectoryIds.fromAnchor(BOB_GUID));

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
            assertThat(r.header(CloudEventHeaders.TYPE)).isIn("directory.SyncUser", "directory.SyncGroup");
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
    void exportRejectedByTheDirectoryCountsAsFailedAndIsExportedAgainByTheNextDelta() throws Exception {
        String anchor = addGroup("Cycle-Rejected", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        JsonNode cycle = runCycle("Delta");
        String cycleId = cycle.get("id").asString();
        SyncGroup export = (SyncGroup) commandsOf(cycleId).stream()
                .filter(c -> c.key().equals(groupId)).findFirst().orElseThrow();
        int added = cycle.get("counts").get("added").asInt();

        kafka.send(Topics.DIRECTORY_COMMAND_RESULTS, export.key(), CommandResult.rejected(
                new CommandResult.ContractCommandRef(export.metadata().commandId(), "directory.SyncGroup", cycleId,
                        export.groupId()), "Request_BadRequest", "refused for the test", Instant.now())).get();

        JsonNode recounted = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(getAs(ADMIN, "/sync/cycles/{id}", cycleId)), c -> c.get("counts").get("failed").asInt() == 1);
        assertThat(recounted.get("counts").get("added").asInt()).isEqualTo(added - 1);

        JsonNode retry = runCycle("Delta");
        assertThat(commandsOf(retry.get("id").asString())).singleElement().isInstanceOfSatisfying(SyncGroup.class,
                group -> assertThat(group.groupId()).isEqualTo(groupId));
    }
}
