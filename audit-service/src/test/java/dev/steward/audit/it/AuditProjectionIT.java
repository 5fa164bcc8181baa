package dev.steward.audit.it;

import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.ProjectedBatch;
import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Events published on the real broker become audit entries served by the HTTP API. */
class AuditProjectionIT extends PostgresAndKafkaTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String CHANGE_SOA = "activityDisplayName eq 'Change Source of Authority from AD to cloud'";

    @Autowired
    AuditProjector projector;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void projectsSourceOfAuthoritySwitchWithinSeconds() {
        String correlation = UUID.randomUUID().toString();
        SourceOfAuthorityChanged switched = TestEvents.sourceOfAuthority(
                TestEvents.metadata(GROUP_ID, correlation, now(), TestEvents.ADMIN), GROUP_ID, "Engineering", true);

        producer.publish(Topics.DIRECTORY_EVENTS, switched);

        JsonNode entry = await().atMost(WITHIN).until(
                () -> entryWithId(api.directoryAudits(TestTokens.groupsAdmin(), CHANGE_SOA), switched.messageId()),
                found -> found != null);
        assertThat(entry.get("activityDisplayName").asString()).isEqualTo("Change Source of Authority from AD to cloud");
        assertThat(entry.get("category").asString()).isEqualTo("GroupManagement");
        assertThat(entry.get("loggedByService").asString()).isEqualTo("Core Directory");
        assertThat(entry.get("operationType").asString()).isEqualTo("Update");
        assertThat(entry.get("result").asString()).isEqualTo("success");
        assertThat(entry.get("resultReason").asString()).isEmpty();
        assertThat(entry.get("correlationId").asString()).isEqualTo(correlation);
        assertThat(Instant.parse(entry.get("activityDateTime").asString())).isEqualTo(switched.metadata().occurredAt());
        assertThat(entry.get("initiatedBy").get("user").get("userPrincipalName").asString())
                .isEqualTo("admin@corp.example.test");
        assertThat(entry.get("initiatedBy").get("app").get("appId").asString()).isEqualTo(TestEvents.ADMIN.appId());
        JsonNode target = entry.get("targetResources").get(0);
        assertThat(target.get("id").asString()).isEqualTo(GROUP_ID);
        assertThat(target.get("type").asString()).isEqualTo("Group");
        assertThat(target.get("modifiedProperties").get(0).get("displayName").asString()).isEqualTo("isCloudManaged");
        assertThat(target.get("modifiedProperties").get(0).get("newValue").asString()).isEqualTo("true");
    }

    @Test
    void projectsEveryEventTopicIntoItsActivity() {
        String correlation = UUID.randomUUID().toString();
        Instant at = now();
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.groupCreated(meta(GROUP_ID, correlation, at),
                TestEvents.syncedSecurityGroup(GROUP_ID, "Engineering")));
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.groupRenamed(meta(GROUP_ID, correlation, at.plusSeconds(1)),
                "Engineering", "Engineering Team", false));
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.sourceOfAuthority(meta(GROUP_ID, correlation,
                at.plusSeconds(2)), GROUP_ID, "Engineering", false));
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.userSynced(meta(TestEvents.ALICE_ID, correlation,
                at.plusSeconds(3)), true));
        producer.publish(Topics.SELFSERVICE_EVENTS, TestEvents.membershipRequested(meta("request-" + correlation,
                correlation, at.plusSeconds(4))));
        producer.publish(Topics.SYNC_EVENTS, TestEvents.syncChangeSkipped(meta(GROUP_ID, correlation, at.plusSeconds(5))));
        producer.publish(Topics.SYNC_EVENTS, TestEvents.syncCycleCompleted(meta("cycle-1", correlation,
                at.plusSeconds(6)), "Succeeded", null));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(
                activities(api.directoryAudits(TestTokens.groupsAdmin(), Map.of(
                        "$filter", "correlationId eq '" + correlation + "'", "$orderby", "activityDateTime asc"))))
                .containsExactly("Add group", "Update group", "Undo changes to Source of Authority from AD to cloud",
                        "Add user", "Request to join a group", "Skip synchronization of object",
                        "Run synchronization cycle"));
        JsonNode skipped = api.directoryAudits(TestTokens.groupsAdmin(), "correlationId eq '" + correlation
                + "' and category eq 'Synchronization' and startswith(activityDisplayName,'Skip')").value().get(0);
        assertThat(skipped.get("loggedByService").asString()).isEqualTo("Sync Engine");
        assertThat(skipped.get("resultReason").asString()).isEqualTo(TestEvents.SKIP_REASON);
        assertThat(skipped.get("additionalDetails").toString()).contains("{\"key\":\"eventId\",\"value\":\"6956\"}");
    }

    @Test
    void writesOneAddMemberEntryPerMemberThatTheFilterFinds() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String carol = UUID.randomUUID().toString();
        String nested = UUID.randomUUID().toString();
        Instant at = now();
        producer.publish(Topics.DIRECTORY_EVENTS, TestEvents.groupCreated(meta(groupId, correlation, at),
                TestEvents.cloudMicrosoft365Group(groupId, "Platform " + correlation)));
        MembersAdded added = TestEvents.membersAdded(meta(groupId, correlation, at.plusSeconds(1)), groupId, false,
                DirectoryObjectRef.user(bob), DirectoryObjectRef.user(carol), DirectoryObjectRef.group(nested));
        producer.publish(Topics.DIRECTORY_EVENTS, added);

        String bobAdded = "activityDisplayName eq 'Add member to group' and targetResources/any(t: t/id eq '" + bob + "')";
        JsonNode entry = await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(), bobAdded).value(),
                found -> !found.isEmpty()).get(0);
        assertThat(entry.get("category").asString()).isEqualTo("GroupManagement");
        assertThat(entry.get("loggedByService").asString()).isEqualTo("Core Directory");
        assertThat(entry.get("operationType").asString()).isEqualTo("Assign");
        assertThat(entry.get("correlationId").asString()).isEqualTo(correlation);
        assertThat(entry.get("initiatedBy").get("user").get("userPrincipalName").asString())
                .isEqualTo("admin@corp.example.test");
        JsonNode member = entry.get("targetResources").get(0);
        JsonNode group = entry.get("targetResources").get(1);
        assertThat(member.get("id").asString()).isEqualTo(bob);
        assertThat(member.get("type").asString()).isEqualTo("User");
        assertThat(member.get("modifiedProperties").toString()).contains("Group.DisplayName");
        assertThat(group.get("id").asString()).isEqualTo(groupId);
        assertThat(group.get("type").asString()).isEqualTo("Group");
        assertThat(group.get("displayName").asString()).isEqualTo("Platform " + correlation);
        assertThat(group.get("groupType").asString()).isEqualTo("unifiedGroups");

        String addedToGroup = "activityDisplayName eq 'Add member to group' and targetResources/any(t: t/id eq '"
                + groupId + "')";
        List<JsonNode> perMember = api.directoryAudits(TestTokens.groupsAdmin(), addedToGroup).value();
        assertThat(perMember).extracting(e -> e.get("targetResources").get(0).get("id").asString())
                .containsExactlyInAnyOrder(bob, carol, nested);
        assertThat(perMember).filteredOn(e -> e.get("targetResources").get(0).get("id").asString().equals(nested))
                .singleElement().satisfies(e -> assertThat(e.get("targetResources").get(0).get("type").asString())
                        .isEqualTo("Group"));

        producer.publish(Topics.DIRECTORY_EVENTS, added);
        MembersRemoved marker = TestEvents.membersRemoved(meta(groupId, correlation, at.plusSeconds(2)), groupId, false,
                DirectoryObjectRef.user(bob));
        producer.publish(Topics.DIRECTORY_EVENTS, marker);
        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "activityDisplayName eq 'Remove member from group' and targetResources/any(t: t/id eq '" + bob + "')")
                .value().size() == 1);
        assertThat(projector.project(added)).hasSize(3);
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), Map.of("$filter", addedToGroup, "$count", "true"))
                .body().get("@odata.count").asLong()).as("a redelivered event adds no entry").isEqualTo(3);
    }

    @Test
    void recordsARefusedDirectoryCommandAsAFailureEntryAndPassesOverSucceededOnes() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        CommandResult refused = CommandResult.rejected(new CommandResult.ContractCommandRef(UUID.randomUUID(),
                "directory.RemoveOwners", correlation, groupId), "Request_BadRequest",
                "The group must keep at least one owner.", now());
        CommandResult succeeded = CommandResult.succeeded(new CommandResult.ContractCommandRef(UUID.randomUUID(),
                "directory.AddMembers", correlation, groupId), now());

        producer.publish(Topics.DIRECTORY_COMMAND_RESULTS, succeeded, refused);

        String mine = "correlationId eq '" + correlation + "'";
        JsonNode entry = await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(), mine).value(),
                found -> !found.isEmpty()).get(0);
        assertThat(entry.get("activityDisplayName").asString()).isEqualTo("Remove owner from group");
        assertThat(entry.get("result").asString()).isEqualTo("failure");
        assertThat(entry.get("resultReason").asString()).isEqualTo("The group must keep at least one owner.");
        assertThat(entry.get("operationType").asString()).isEqualTo("Unassign");
        assertThat(entry.get("targetResources").get(0).get("id").asString()).isEqualTo(groupId);
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), mine).value()).as("the success adds no entry")
                .hasSize(1);
        assertThat(projector.project(refused)).as("a redelivery finds the same entry").isPresent();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit WHERE correlation_id = ?", Long.class,
                correlation)).isEqualTo(1);
    }

    @Test
    void projectsABatchInOneWriteNamingGroupsFromEarlierEventsOfTheSameBatch() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        Instant at = now();
        GroupCreated created = TestEvents.groupCreated(meta(groupId, correlation, at),
                TestEvents.syncedSecurityGroup(groupId, "Alpha"));
        GroupUpdated newer = renamed(meta(groupId, correlation, at.plusSeconds(10)), groupId, "Alpha", "Beta");
        GroupUpdated older = renamed(meta(groupId, correlation, at.plusSeconds(5)), groupId, "Alpha", "Gamma");
        MembersAdded added = TestEvents.membersAdded(meta(groupId, correlation, at.plusSeconds(20)), groupId, false,
                DirectoryObjectRef.user(UUID.randomUUID().toString()));

        ProjectedBatch batch = projector.projectUntilFailure(List.of(created, newer, older, added, added));

        assertThat(batch.outcomes()).extracting(ProjectedBatch.Outcome::added)
                .as("the repeated event finds its entry").containsExactly(1, 1, 1, 1, 0);
        assertThat(batch.outcomes().get(3).entries().get(0).targetResources().get(1).displayName())
                .as("named from the newest snapshot of the batch, not the late older one").isEqualTo("Beta");
        assertThat(jdbc.queryForObject("SELECT display_name FROM audit_group WHERE group_id = ?", String.class,
                groupId)).isEqualTo("Beta");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit WHERE correlation_id = ?", Long.class,
                correlation)).isEqualTo(4);
    }

    @Test
    void stopsABatchAtTheFirstMessageWithoutAnActivityOrPassesItOver() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        var before = TestEvents.sourceOfAuthority(meta(groupId, correlation, now()), groupId, "Before", true);
        var command = new ChangeSourceOfAuthority(new CommandMetadata(UUID.randomUUID(), now(), correlation), groupId,
                true);
        var after = TestEvents.sourceOfAuthority(meta(groupId, correlation, now()), groupId, "After", false);

        ProjectedBatch stopped = projector.projectUntilFailure(List.of(before, command, after));

        assertThat(stopped.outcomes()).hasSize(2);
        assertThat(stopped.firstFailure()).contains(1);
        assertThat(stopped.outcomes().get(1).unprojectable()).hasMessageContaining("no audit activity");
        assertThat(jdbc.queryForList("SELECT id FROM directory_audit WHERE correlation_id = ?", String.class,
                correlation)).containsExactly(before.messageId());

        ProjectedBatch passedOver = projector.projectPassingOver(List.of(before, command, after));

        assertThat(passedOver.outcomes()).extracting(ProjectedBatch.Outcome::added).containsExactly(0, 0, 1);
        assertThat(jdbc.queryForList("SELECT id FROM directory_audit WHERE correlation_id = ?", String.class,
                correlation)).containsExactlyInAnyOrder(before.messageId(), after.messageId());
    }

    @Test
    void deadLettersABadRecordInTheMiddleOfAPollAndProjectsTheRecordsAroundIt() {
        String key = "middle-" + UUID.randomUUID();
        String correlation = UUID.randomUUID().toString();
        SourceOfAuthorityChanged first = TestEvents.sourceOfAuthority(meta(key, correlation, now()), key, "First", true);
        SourceOfAuthorityChanged last = TestEvents.sourceOfAuthority(meta(key, correlation, now()), key, "Last", false);

        producer.publish(Topics.DIRECTORY_EVENTS, first);
        producer.sendRaw(Topics.DIRECTORY_EVENTS, key, "directory.GroupVanished", "{}");
        producer.publish(Topics.DIRECTORY_EVENTS, last);

        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "correlationId eq '" + correlation + "'").ids().size() == 2);
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), "correlationId eq '" + correlation + "'").ids())
                .containsExactlyInAnyOrder(first.messageId(), last.messageId());
        assertThat(deadLetterReasons(key, 1).values()).singleElement().asString()
                .contains("unknown message type 'directory.GroupVanished'");
    }

    private static GroupUpdated renamed(EventMetadata metadata, String groupId, String from, String to) {
        return new GroupUpdated(metadata, TestEvents.syncedSecurityGroup(groupId, to),
                List.of(new ModifiedProperty("displayName", "\"" + from + "\"", "\"" + to + "\"")), false);
    }

    @Test
    void writesAThousandMemberEntriesOfOneEventInBatches() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        DirectoryObjectRef[] members = new DirectoryObjectRef[1000];
        for (int i = 0; i < members.length; i++) {
            members[i] = DirectoryObjectRef.user(UUID.randomUUID().toString());
        }
        MembersAdded added = TestEvents.membersAdded(meta(groupId, correlation, now()), groupId, true, members);

        assertThat(projector.project(added)).hasSize(1000);
        assertThat(projector.project(added)).as("again: the same entries, none added").hasSize(1000);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit WHERE correlation_id = ?", Long.class,
                correlation)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit_target t JOIN directory_audit a "
                + "ON a.id = t.audit_id WHERE a.correlation_id = ?", Long.class, correlation)).isEqualTo(2000);
    }

    @Test
    void targetRowsCarryTheirEntrysTimeForTheTargetFilters() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        projector.project(TestEvents.membersAdded(meta(groupId, correlation, at), groupId, false,
                DirectoryObjectRef.user(UUID.randomUUID().toString()),
                DirectoryObjectRef.user(UUID.randomUUID().toString())));

        List<Instant> times = jdbc.queryForList("SELECT t.activity_date_time FROM directory_audit_target t "
                + "JOIN directory_audit a ON a.id = t.audit_id WHERE a.correlation_id = ?",
                java.time.OffsetDateTime.class, correlation).stream().map(java.time.OffsetDateTime::toInstant).toList();
        assertThat(times).hasSize(4).containsOnly(at);
    }

    @Test
    void writesOwnerEntriesAndDeleteGroupEntry() {
        String correlation = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        Instant at = now();
        producer.publish(Topics.DIRECTORY_EVENTS,
                TestEvents.groupCreated(meta(groupId, correlation, at), TestEvents.syncedSecurityGroup(groupId, "Ops")),
                TestEvents.ownersAdded(TestEvents.metadata(groupId, correlation, at.plusSeconds(1),
                        TestEvents.SYNC_ENGINE), groupId, true, alice),
                TestEvents.membersAdded(meta(groupId, correlation, at.plusSeconds(2)), groupId, false,
                        DirectoryObjectRef.user(bob)),
                TestEvents.ownersRemoved(meta(groupId, correlation, at.plusSeconds(3)), groupId, false, alice),
                TestEvents.groupDeleted(meta(groupId, correlation, at.plusSeconds(4)), groupId, "Ops"));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(
                activities(api.directoryAudits(TestTokens.groupsAdmin(), Map.of(
                        "$filter", "correlationId eq '" + correlation + "'", "$orderby", "activityDateTime asc"))))
                .containsExactly("Add group", "Add owner to group", "Add member to group", "Remove owner from group",
                        "Delete group"));
        JsonNode ownerAdded = api.directoryAudits(TestTokens.groupsAdmin(), "activityDisplayName eq 'Add owner to group'"
                + " and targetResources/any(t: t/id eq '" + alice + "')").value().get(0);
        assertThat(ownerAdded.get("operationType").asString()).isEqualTo("Assign");
        assertThat(ownerAdded.get("initiatedBy").get("user").isNull()).isTrue();
        assertThat(ownerAdded.get("initiatedBy").get("app").get("appId").asString())
                .isEqualTo(TestEvents.SYNC_ENGINE.appId());
        assertThat(ownerAdded.get("additionalDetails").toString()).contains("{\"key\":\"bySync\",\"value\":\"true\"}");
        assertThat(ownerAdded.get("targetResources").get(1).get("displayName").asString()).isEqualTo("Ops");
        JsonNode ownerRemoved = api.directoryAudits(TestTokens.groupsAdmin(), "correlationId eq '" + correlation
                + "' and activityDisplayName eq 'Remove owner from group'").value().get(0);
        assertThat(ownerRemoved.get("operationType").asString()).isEqualTo("Unassign");
        JsonNode deleted = api.directoryAudits(TestTokens.groupsAdmin(), "activityDisplayName eq 'Delete group'"
                + " and targetResources/any(t: t/id eq '" + groupId + "')").value().get(0);
        assertThat(deleted.get("operationType").asString()).isEqualTo("Delete");
        assertThat(deleted.get("targetResources").get(0).get("displayName").asString()).isEqualTo("Ops");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_group WHERE group_id = ?", Integer.class, groupId))
                .as("a deleted group's name is forgotten").isZero();
    }

    @Test
    void ignoresRedeliveredAndReplayedEvents() {
        String correlation = UUID.randomUUID().toString();
        SourceOfAuthorityChanged switched = TestEvents.sourceOfAuthority(meta(GROUP_ID, correlation, now()), GROUP_ID,
                "Engineering", true);
        SourceOfAuthorityChanged later = TestEvents.sourceOfAuthority(meta(GROUP_ID, correlation,
                now().plusSeconds(1)), GROUP_ID, "Engineering", false);

        producer.publish(Topics.DIRECTORY_EVENTS, switched);
        producer.publish(Topics.DIRECTORY_EVENTS, switched);
        producer.publish(Topics.DIRECTORY_EVENTS, later);

        // the same key keeps the three records in one partition, in order: once the last is in, the others were read
        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "correlationId eq '" + correlation + "'").ids().contains(later.messageId()));
        projector.project(switched);
        ApiClient.Response response = api.directoryAudits(TestTokens.groupsAdmin(), Map.of(
                "$filter", "correlationId eq '" + correlation + "'", "$count", "true"));
        assertThat(response.ids()).containsExactly(later.messageId(), switched.messageId());
        assertThat(response.body().get("@odata.count").asLong()).isEqualTo(2);
    }

    /** The sync engine's outbox publishes at least once: a copy published again after a lost ack is one entry. */
    @Test
    void ignoresSyncEventsPublishedAgainUnderTheSameId() {
        String correlation = UUID.randomUUID().toString();
        String key = "cycle-" + correlation;
        var skipped = TestEvents.syncChangeSkipped(meta(key, correlation, now()));
        var completed = TestEvents.syncCycleCompleted(meta(key, correlation, now().plusSeconds(1)), "Succeeded", null);
        var later = TestEvents.syncCycleCompleted(meta(key, correlation, now().plusSeconds(2)), "Failed", "x");

        // one key, so one partition, in order: once the last is in, the copies before it were read
        producer.publish(Topics.SYNC_EVENTS, skipped, completed, skipped, completed, later);

        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "correlationId eq '" + correlation + "'").ids().contains(later.messageId()));
        ApiClient.Response response = api.directoryAudits(TestTokens.groupsAdmin(), Map.of(
                "$filter", "correlationId eq '" + correlation + "'", "$count", "true"));
        assertThat(response.body().get("@odata.count").asLong()).isEqualTo(3);
        assertThat(response.ids()).containsExactlyInAnyOrder(skipped.messageId(), completed.messageId(),
                later.messageId());
    }

    @Test
    void deadLettersBadRecordsWithReasonAndProjectsTheNextGoodOne() {
        String key = "bad-" + UUID.randomUUID();
        String correlation = UUID.randomUUID().toString();
        var command = new ChangeSourceOfAuthority(new CommandMetadata(UUID.randomUUID(), now(), correlation), key, true);
        producer.sendRaw(Topics.DIRECTORY_EVENTS, key, MessageTypes.nameOf(GroupCreated.class), "{\"metadata\":");
        producer.sendRaw(Topics.DIRECTORY_EVENTS, key, "directory.GroupExploded", "{}");
        producer.sendRaw(Topics.DIRECTORY_EVENTS, key, null, "{}");
        producer.sendRaw(Topics.DIRECTORY_EVENTS, key, MessageTypes.nameOf(ChangeSourceOfAuthority.class),
                new String(ContractJson.write(command), StandardCharsets.UTF_8));
        SourceOfAuthorityChanged good = TestEvents.sourceOfAuthority(meta(key, correlation, now()), key, "After", true);
        producer.publish(Topics.DIRECTORY_EVENTS, good);

        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "correlationId eq '" + correlation + "'").ids().contains(good.messageId()));
        Map<String, String> reasons = deadLetterReasons(key, 4);
        assertThat(reasons.values()).anySatisfy(reason -> assertThat(reason).contains("malformed GroupCreated"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown message type 'directory.GroupExploded'"))
                .anySatisfy(reason -> assertThat(reason).contains("no ce_type header"))
                .anySatisfy(reason -> assertThat(reason)
                        .contains("no audit activity for message type 'directory.ChangeSourceOfAuthority'"));
    }

    @Test
    void deadLettersAUserSyncedThatTheDirectoryDidNotPublishAndAuditsNothing() {
        String correlation = UUID.randomUUID().toString();
        String invented = UUID.randomUUID().toString();
        var forged = TestEvents.userSynced(meta(invented, correlation, now()), true);
        SourceOfAuthorityChanged good = TestEvents.sourceOfAuthority(meta(invented, correlation, now()), invented,
                "After", true);
        try (KafkaTestClient misattributed = kafka.client(KafkaPrincipal.DIRECTORY, KafkaPrincipal.SYNC.source())) {
            misattributed.publish(Topics.DIRECTORY_EVENTS, forged);
        }
        producer.publish(Topics.DIRECTORY_EVENTS, good);

        await().atMost(WITHIN).until(() -> api.directoryAudits(TestTokens.groupsAdmin(),
                "correlationId eq '" + correlation + "'").ids().contains(good.messageId()));
        assertThat(deadLetterReasons(forged.key(), 1).values()).contains("record on steward.directory.events has "
                + "ce_source '/steward/sync-service'; only /steward/directory-service publishes there");
        assertThat(api.directoryAudits(TestTokens.groupsAdmin(), "correlationId eq '" + correlation + "'").ids())
                .containsExactly(good.messageId());
    }

    private Map<String, String> deadLetterReasons(String key, int expected) {
        Map<String, String> reasons = new HashMap<>();
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<String, byte[]>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.DIRECTORY_EVENTS)));
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        var reason = record.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON);
                        reasons.put(record.partition() + "/" + record.offset(),
                                reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }

    private static EventMetadata meta(String aggregateId, String correlation, Instant at) {
        return TestEvents.metadata(aggregateId, correlation, at, TestEvents.ADMIN);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static JsonNode entryWithId(ApiClient.Response response, String id) {
        assertThat(response.status()).isEqualTo(200);
        return response.value().stream().filter(e -> e.get("id").asString().equals(id)).findFirst().orElse(null);
    }

    private static List<String> activities(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.value().stream().map(e -> e.get("activityDisplayName").asString()).toList();
    }
}
