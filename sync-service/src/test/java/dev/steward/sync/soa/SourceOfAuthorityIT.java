package dev.steward.sync.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.export.Membership;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class SourceOfAuthorityIT extends SyncServiceIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listenerIsAssigned() {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("sync-source-of-authority"), 3);
    }

    @Test
    void sourceOfAuthorityMovedToTheCloudBlocksTheGroupWithinASecond() throws Exception {
        String anchor = addGroup("Soa-Block", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        assertThat(connectorSpace(groupId).get("blockOnPremisesSync").asBoolean()).isFalse();

        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Block", true));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());
        JsonNode entry = connectorSpace(groupId);
        assertThat(entry.get("pendingTakeover").asBoolean()).isFalse();
        assertThat(entry.get("sourceOfAuthorityChangedDateTime").isNull()).isFalse();
    }

    @Test
    void adRenameOfACloudManagedGroupIsSkippedWithAProvisioningLogEntryAndAnEventThenTakenOverAfterRollback()
            throws Exception {
        String anchor = addGroup("Soa-Rename", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Rename", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());

        TestDirectory.server().modifyDN(groupDn("Soa-Rename"), "CN=Soa-Renamed", true);
        JsonNode cycle = runCycle("Delta");
        String cycleId = cycle.get("id").asString();

        assertThat(cycle.get("counts").get("skipped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(commandsOf(cycleId)).noneMatch(c -> c.key().equals(groupId));

        JsonNode logs = body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"));
        assertThat(logs.get("@odata.context").asString()).endsWith("/sync/$metadata#provisioningLogs");
        assertThat(logs.get("value")).hasSize(1);
        JsonNode entry = logs.get("value").get(0);
        assertThat(entry.get("cycleId").asString()).isEqualTo(cycleId);
        assertThat(entry.get("action").asString()).isEqualTo("Skip");
        assertThat(entry.get("eventId").asInt()).isEqualTo(6956);
        assertThat(entry.get("reason").asString()).contains("source of authority of the object is in the cloud");
        assertThat(entry.get("provisioningStatusInfo").get("status").asString()).isEqualTo("skipped");
        assertThat(entry.get("sourceIdentity").get("id").asString()).isEqualTo(anchor);
        assertThat(entry.get("sourceIdentity").get("displayName").asString()).isEqualTo("Soa-Renamed");
        assertThat(entry.get("sourceIdentity").get("distinguishedName").asString()).isEqualTo(groupDn("Soa-Renamed"));
        assertThat(entry.get("sourceIdentity").get("identityType").asString()).isEqualTo("Group");
        assertThat(entry.get("targetIdentity").get("id").asString()).isEqualTo(groupId);
        assertThat(entry.get("targetIdentity").get("displayName").asString()).isEqualTo("Soa-Rename");
        assertThat(entry.get("modifiedProperties").valueStream()
                .filter(p -> p.get("displayName").asString().equals("displayName")).toList())
                .singleElement().satisfies(p -> {
                    assertThat(p.get("oldValue").asString()).isEqualTo("\"Soa-Rename\"");
                    assertThat(p.get("newValue").asString()).isEqualTo("\"Soa-Renamed\"");
                });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            recorder().catchUp();
            assertThat(recorder().messages(Topics.SYNC_EVENTS)).map(TopicRecorder.Recorded::message)
                    .filteredOn(SyncChangeSkipped.class::isInstance).map(SyncChangeSkipped.class::cast)
                    .filteredOn(e -> e.objectId().equals(groupId))
                    .singleElement().satisfies(e -> {
                        assertThat(e.eventCode()).isEqualTo(SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD);
                        assertThat(e.cycleId()).isEqualTo(cycleId);
                        assertThat(e.onPremisesAnchor()).isEqualTo(anchor);
                        assertThat(e.objectType()).isEqualTo("group");
                        assertThat(e.displayName()).isEqualTo("Soa-Renamed");
                        assertThat(e.reason()).contains("source of authority");
                        assertThat(e.metadata().eventId().toString()).isEqualTo(entry.get("id").asString());
                    });
        });

        // The same withheld change is recorded once, not at every cycle.
        JsonNode again = runCycle("Delta");
        assertThat(commandsOf(again.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).hasSize(1);

        // Rollback: unblocked at once, and the next cycle takes the group over with AD's values.
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Rename", false));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            JsonNode state = connectorSpace(groupId);
            return !state.get("blockOnPremisesSync").asBoolean() && state.get("pendingTakeover").asBoolean();
        });
        JsonNode takeover = runCycle("Delta");
        List<ContractCommand> exported = commandsOf(takeover.get("id").asString());
        assertThat(exported).filteredOn(c -> c.key().equals(groupId)).singleElement()
                .isInstanceOfSatisfying(SyncGroup.class, group -> {
                    assertThat(group.displayName()).isEqualTo("Soa-Renamed");
                    assertThat(group.onPremisesDistinguishedName()).isEqualTo(groupDn("Soa-Renamed"));
                });
        assertThat(connectorSpace(groupId).get("pendingTakeover").asBoolean()).isFalse();
    }

    @Test
    void anExportRefusedBecauseTheSourceOfAuthorityIsInTheCloudBlocksAGroupWhoseSwitchWasMissed() throws Exception {
        String anchor = addGroup("Soa-Missed", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        // The switch happened in the directory, but its SourceOfAuthorityChanged never reached the sync engine.
        directory().rejectNext(SyncGroup.class, groupId, "SourceOfAuthorityInCloud");
        TestDirectory.server().modifyDN(groupDn("Soa-Missed"), "CN=Soa-Missed-Renamed", true);

        JsonNode refused = runCycle("Delta");
        awaitResults(refused.get("id").asString(), Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());
        JsonNode next = runCycle("Delta");
        assertThat(commandsOf(next.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(next.get("counts").get("skipped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).singleElement().satisfies(entry -> assertThat(entry.get("eventId").asInt())
                        .isEqualTo(6956));
    }

    @Test
    void aRefusalOlderThanTheLastSwitchAppliedDoesNotBlockTheGroup() throws Exception {
        String anchor = addGroup("Soa-Stale", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        // A rollback was applied whose time is later than the refusal to come (results and events travel apart).
        jdbc.sql("UPDATE connector_space SET soa_changed_at = ? WHERE anchor = ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(60)), anchor).update();
        directory().rejectNext(SyncGroup.class, groupId, "SourceOfAuthorityInCloud");
        TestDirectory.server().modifyDN(groupDn("Soa-Stale"), "CN=Soa-Stale-Renamed", true);

        JsonNode refused = runCycle("Delta");
        awaitResults(refused.get("id").asString(), Duration.ofSeconds(10));

        assertThat(connectorSpace(groupId).get("blockOnPremisesSync").asBoolean()).isFalse();
        JsonNode next = runCycle("Delta");
        assertThat(commandsOf(next.get("id").asString())).filteredOn(c -> c.key().equals(groupId))
                .singleElement().isInstanceOf(SyncGroup.class);
    }

    @Test
    void sendsNoMembershipForABlockedGroup() throws Exception {
        String anchor = addGroup("Soa-Members", userDn("Alice"), userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        Membership exported = connectorSpaceRepository.exportedMembership(anchor);
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Members", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());

        TestDirectory.server().modify(groupDn("Soa-Members"),
                new Modification(ModificationType.ADD, "member", userDn("Alice")));
        JsonNode blocked = runCycle("Delta");
        JsonNode again = runCycle("Initial");

        assertThat(commandsOf(blocked.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(commandsOf(again.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(blocked.get("counts").get("skipped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(connectorSpaceRepository.exportedMembership(anchor)).isEqualTo(exported);
        // One skip for the one change, whatever the number of cycles that withheld it.
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).singleElement().satisfies(entry -> {
                    assertThat(entry.get("eventId").asInt()).isEqualTo(6956);
                    assertThat(entry.get("cycleId").asString()).isEqualTo(blocked.get("id").asString());
                });

        // After rollback the takeover sends the values and the withheld member.
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Members", false));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("pendingTakeover").asBoolean());
        JsonNode takeover = runCycle("Delta");
        assertThat(commandsOf(takeover.get("id").asString())).filteredOn(c -> c.key().equals(groupId))
                .satisfiesExactly(
                        command -> assertThat(command).isInstanceOf(SyncGroup.class),
                        command -> assertThat(command).isInstanceOfSatisfying(SyncGroupMembership.class, chunk -> {
                            assertThat(chunk.addedMemberIds()).containsExactly(
                                    DirectoryIds.fromAnchor(TestDirectory.ALICE_GUID));
                            assertThat(chunk.removedMemberIds()).isEmpty();
                            assertThat(chunk.addedOwnerIds()).isEmpty();
                        }));
    }

    @Test
    void rolledBackGroupIsExportedByTheNextDeltaEvenIfAdDidNotChange() throws Exception {
        String anchor = addGroup("Soa-Rollback", userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Rollback", true));
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Rollback", false));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("pendingTakeover").asBoolean());

        JsonNode cycle = runCycle("Delta");

        assertThat(commandsOf(cycle.get("id").asString())).filteredOn(c -> c.key().equals(groupId)).singleElement()
                .isInstanceOfSatisfying(SyncGroup.class, group -> assertThat(group.displayName()).isEqualTo("Soa-Rollback"));
        assertThat(cycle.get("counts").get("updated").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode next = runCycle("Delta");
        assertThat(commandsOf(next.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
    }

    @Test
    void anOnDemandTakeoverCompletesARollbackAtOnceAndIsRefusedForAnObjectNotAwaitingOne() throws Exception {
        String anchor = addGroup("Soa-TakeOver", userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        String reader = TestTokens.app(UUID.randomUUID().toString(), Permissions.SYNCHRONIZATION_READ_ALL);
        assertThat(takeOver(ADMIN, groupId).getStatus()).isEqualTo(400);
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-TakeOver", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());
        assertThat(body(takeOver(ADMIN, groupId)).get("error").get("message").asString())
                .contains("Source of Authority is in the cloud");
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-TakeOver", false));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("pendingTakeover").asBoolean());

        assertThat(takeOver(null, groupId).getStatus()).isEqualTo(401);
        assertThat(takeOver(reader, groupId).getStatus()).isEqualTo(403);
        assertThat(takeOver(ADMIN, UUID.randomUUID().toString()).getStatus()).isEqualTo(404);
        MockHttpServletResponse accepted = takeOver(ADMIN, groupId);

        assertThat(accepted.getStatus()).isEqualTo(202);
        String cycleId = body(accepted).get("id").asString();
        assertThat(accepted.getHeader("Location")).endsWith("/sync/cycles/" + cycleId);
        JsonNode cycle = awaitCycle(cycleId);
        assertThat(cycle.get("policyType").asString()).isEqualTo("Delta");
        assertThat(commandsOf(cycleId)).filteredOn(c -> c.key().equals(groupId)).singleElement()
                .isInstanceOf(SyncGroup.class);
        assertThat(connectorSpace(groupId).get("pendingTakeover").asBoolean()).isFalse();
    }

    private MockHttpServletResponse takeOver(String token, String groupId) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/sync/connectorSpace/{id}/takeOver", groupId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() throws Exception {
        String anchor = addGroup("Soa-Redelivered", null, userDn("Bob"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        SourceOfAuthorityChanged toCloud = sourceOfAuthorityChanged(anchor, "Soa-Redelivered", true);
        publishEvent(toCloud);
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Redelivered", false));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("pendingTakeover").asBoolean());

        RecordMetadata redelivered = publishEvent(toCloud);
        awaitConsumed(redelivered);

        JsonNode entry = connectorSpace(groupId);
        assertThat(entry.get("blockOnPremisesSync").asBoolean()).isFalse();
        assertThat(entry.get("pendingTakeover").asBoolean()).isTrue();
    }

    @Test
    void sourceOfAuthorityChangeOfACloudGroupIsIgnored() throws Exception {
        String groupId = UUID.randomUUID().toString();
        SourceOfAuthorityChanged cloudGroup = new SourceOfAuthorityChanged(new EventMetadata(UUID.randomUUID(),
                Instant.now(), groupId, null, null, EventMetadata.CURRENT_SCHEMA_VERSION), groupId, "Cloud group", null,
                true, null, null);

        awaitConsumed(publishEvent(cloudGroup));

        assertThat(getAs(ADMIN, "/sync/connectorSpace/{id}", groupId).getStatus()).isEqualTo(404);
    }

    @Test
    void blockedGroupThatDidNotChangeInAdIsNeitherExportedNorLogged() throws Exception {
        String anchor = addGroup("Soa-Quiet", userDn("Alice"));
        String groupId = DirectoryIds.fromAnchor(anchor);
        runCycle("Delta");
        publishEvent(sourceOfAuthorityChanged(anchor, "Soa-Quiet", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> connectorSpace(groupId).get("blockOnPremisesSync").asBoolean());

        JsonNode initial = runCycle("Initial");

        assertThat(commandsOf(initial.get("id").asString())).noneMatch(c -> c.key().equals(groupId));
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).isEmpty();
        TestDirectory.server().modify(groupDn("Soa-Quiet"),
                new Modification(ModificationType.ADD, "member", userDn("Bob")));
        runCycle("Delta");
        assertThat(body(getAs(ADMIN, "/sync/provisioningLogs?$filter=targetIdentity/id eq '" + groupId + "'"))
                .get("value")).singleElement().satisfies(entry -> assertThat(entry.get("modifiedProperties")
                        .valueStream().map(p -> p.get("displayName").asString()).toList()).containsExactly("memberIds"));
    }
}
