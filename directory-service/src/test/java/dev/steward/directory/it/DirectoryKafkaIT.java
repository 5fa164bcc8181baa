package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.AddOwners;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CreateGroup;
import dev.steward.contracts.command.DeleteGroup;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.command.RemoveOwners;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.command.UpdateGroup;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserSynced;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Directory commands over Kafka: one result per command, the same authorisation as HTTP, events out, dead letters. */
class DirectoryKafkaIT extends DirectoryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER_READER = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(UserReadPolicy.USER_READ_ALL), List.of());
    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T10:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    private TopicReader<ContractMessage> results;
    private TopicReader<ContractMessage> events;

    @BeforeEach
    void openReaders() {
        results = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_COMMAND_RESULTS);
        events = TopicReader.contracts(kafka.adminConfig(), Topics.DIRECTORY_EVENTS);
    }

    @AfterEach
    void closeReaders() {
        results.close();
        events.close();
    }

    @Test
    void syncsGroupsAndUsersFromKafkaAndPublishesFullSnapshots() {
        AdGroup group = AdGroup.security("KafkaSync");
        SyncGroup sync = group.contract(SYNCED_AT);
        SyncUser user = Samples.syncUser(UUID.randomUUID().toString(), "dave@corp.example.test");

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, sync, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, user, TestTokens.syncEngine());

        assertThat(resultOf(sync.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(resultOf(user.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        GroupCreated created = await().atMost(WAIT).until(() -> events.values(GroupCreated.class,
                e -> e.group().id().equals(group.id())), list -> !list.isEmpty()).get(0);
        assertThat(created.group().onPremisesSyncEnabled()).isTrue();
        assertThat(created.group().onPremisesAnchor()).isEqualTo(group.anchor());
        assertThat(created.metadata().correlationId()).isEqualTo(sync.metadata().correlationId());
        assertThat(created.metadata().initiator().appId()).isEqualTo(TestTokens.SYNC_APP_ID);
        assertThat(created.metadata().aggregateId()).isEqualTo(group.id());
        UserSynced synced = await().atMost(WAIT).until(() -> events.values(UserSynced.class,
                e -> e.userId().equals(user.userId())), list -> !list.isEmpty()).get(0);
        assertThat(synced.created()).isTrue();
        assertThat(synced.userPrincipalName()).isEqualTo("dave@corp.example.test");
    }

    @Test
    void changesSourceOfAuthorityByKafkaCommand() {
        AdGroup group = synced(AdGroup.security("KafkaSoa"));
        ChangeSourceOfAuthority command = Samples.changeSourceOfAuthority(group.id(), true);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, command, TestTokens.groupsAdmin());

        CommandResult result = resultOf(command.metadata().commandId());
        assertThat(result.status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(result.commandType()).isEqualTo("directory.ChangeSourceOfAuthority");
        assertThat(result.aggregateId()).isEqualTo(group.id());
        assertThat(result.correlationId()).isEqualTo(command.metadata().correlationId());
        SourceOfAuthorityChanged changed = await().atMost(WAIT).until(() -> events.values(
                SourceOfAuthorityChanged.class, e -> e.groupId().equals(group.id())), list -> !list.isEmpty()).get(0);
        assertThat(changed.isCloudManaged()).isTrue();
        assertThat(changed.onPremisesSyncEnabled()).isNull();
        assertThat(changed.displayName()).isEqualTo(group.name());
        assertThat(changed.onPremisesAnchor()).isEqualTo(group.anchor());
        assertThat(changed.metadata().correlationId()).isEqualTo(command.metadata().correlationId());
        assertThat(changed.metadata().initiator().userId()).isEqualTo(TestTokens.ADMIN_ID);
        assertThat(changed.metadata().initiator().userPrincipalName()).isEqualTo("admin@corp.example.test");
        assertThat(changed.metadata().schemaVersion()).isEqualTo(1);
        assertThat(api.get("/beta/groups/" + group.id() + "/onPremisesSyncBehavior", TestTokens.groupsAdmin()).json()
                .get("isCloudManaged").asBoolean()).isTrue();

        SyncGroup blocked = group.renamed(group.name() + " (AD)").contract(SYNCED_AT.plusSeconds(1800));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, blocked, TestTokens.syncEngine());
        CommandResult refused = resultOf(blocked.metadata().commandId());
        assertThat(refused.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(refused.errorCode()).isEqualTo("SourceOfAuthorityInCloud");
    }

    @Test
    void carriesExtensionAttributesFromSyncGroupIntoEventsAndKeepsThoseRemovedBySwitchingToTheCloud() {
        AdGroup group = AdGroup.security("KafkaExtAttr");
        ExtensionAttributes fromAd = new ExtensionAttributes("CC-4711", null, "Munich", null, null, null, null, null,
                null, null, null, null, null, null, null);
        SyncGroup sync = group.contract(SYNCED_AT, fromAd);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, sync, TestTokens.syncEngine());
        assertThat(resultOf(sync.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        GroupCreated created = await().atMost(WAIT).until(() -> events.values(GroupCreated.class,
                e -> e.group().id().equals(group.id())), list -> !list.isEmpty()).get(0);
        assertThat(created.group().onPremisesExtensionAttributes()).isEqualTo(sync.onPremisesExtensionAttributes());

        ChangeSourceOfAuthority toCloud = Samples.changeSourceOfAuthority(group.id(), true);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, toCloud, TestTokens.groupsAdmin());
        assertThat(resultOf(toCloud.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        SourceOfAuthorityChanged changed = await().atMost(WAIT).until(() -> events.values(
                SourceOfAuthorityChanged.class, e -> e.groupId().equals(group.id())), list -> !list.isEmpty()).get(0);
        assertThat(changed.removedOnPremisesExtensionAttributes()).isEqualTo(sync.onPremisesExtensionAttributes());
        assertThat(changed.removedOnPremisesExtensionAttributes().extensionAttribute3()).isEqualTo("Munich");
    }

    @Test
    void showsASyncedUsersExtensionAttributesAndAppliesTheirChange() {
        String anchor = UUID.randomUUID().toString();
        SyncUser plain = Samples.syncUser(anchor, "frank-ext@corp.example.test");
        SyncUser withMunich = withExtensionAttributes(plain, new OnPremisesExtensionAttributes("CC-4711", null,
                "Munich", null, null, null, null, null, null, null, null, null, null, null, null));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, withMunich, TestTokens.syncEngine());
        assertThat(resultOf(withMunich.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);

        var shown = api.get("/v1.0/users/" + plain.userId() + "?$select=id,onPremisesExtensionAttributes",
                USER_READER).json().get("onPremisesExtensionAttributes");
        assertThat(shown.size()).isEqualTo(15);
        assertThat(shown.get("extensionAttribute1").asString()).isEqualTo("CC-4711");
        assertThat(shown.get("extensionAttribute3").asString()).isEqualTo("Munich");
        assertThat(shown.get("extensionAttribute2").isNull()).isTrue();

        SyncUser cleared = Samples.syncUser(anchor, "frank-ext@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, cleared, TestTokens.syncEngine());
        assertThat(resultOf(cleared.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1.0/users/" + plain.userId(), USER_READER)
                .json().get("onPremisesExtensionAttributes").get("extensionAttribute3")
                .isNull()).isTrue());
    }

    /** AD lets control characters into some attributes: such a sync is refused by name, and the next one applies. */
    @Test
    void refusesASyncWhoseTextFromAdHasControlCharactersAndAppliesTheRest() {
        SyncUser plain = Samples.syncUser(UUID.randomUUID().toString(), "nul-" + UUID.randomUUID() + "@corp.example.test");
        SyncUser nulInName = new SyncUser(plain.metadata(), plain.userId(), plain.anchor(), plain.userPrincipalName(),
                "Frank\u0000", plain.mail(), plain.onPremisesSecurityIdentifier(), plain.onPremisesSamAccountName(),
                plain.onPremisesDistinguishedName(), null, plain.syncedAt());
        SyncUser bellInAttribute = withExtensionAttributes(Samples.syncUser(UUID.randomUUID().toString(),
                "bell-" + UUID.randomUUID() + "@corp.example.test"), new OnPremisesExtensionAttributes(null, null,
                "Mu\u0007nich", null, null, null, null, null, null, null, null, null, null, null, null));
        SyncUser fine = Samples.syncUser(UUID.randomUUID().toString(), "fine-" + UUID.randomUUID() + "@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, nulInName, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, bellInAttribute, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, fine, TestTokens.syncEngine());

        CommandResult refusedName = resultOf(nulInName.metadata().commandId());
        assertThat(refusedName.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(refusedName.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refusedName.message()).contains("'displayName'");
        assertThat(resultOf(bellInAttribute.metadata().commandId()).message()).contains("'extensionAttribute3'");
        assertThat(resultOf(fine.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(api.get("/v1.0/users/" + plain.userId(), USER_READER).status()).isEqualTo(404);
        assertThat(api.get("/v1.0/users/" + fine.userId(), USER_READER).status()).isEqualTo(200);
    }

    private static SyncUser withExtensionAttributes(SyncUser user, OnPremisesExtensionAttributes attributes) {
        return new SyncUser(user.metadata(), user.userId(), user.anchor(), user.userPrincipalName(),
                user.displayName(), user.mail(), user.onPremisesSecurityIdentifier(), user.onPremisesSamAccountName(),
                user.onPremisesDistinguishedName(), attributes, user.syncedAt());
    }

    @Test
    void rejectsKafkaCommandsTheCallerMayNotSend() {
        AdGroup group = synced(AdGroup.security("KafkaDenied"));
        String withoutRole = TestTokens.user(Samples.ALICE_ID, "alice@corp.example.test",
                List.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL), List.of());
        ChangeSourceOfAuthority byAlice = Samples.changeSourceOfAuthority(group.id(), true);
        SyncGroup byAdmin = group.renamed("Hijacked").contract(SYNCED_AT.plusSeconds(60));
        var claims = DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        ChangeSourceOfAuthority forged = Samples.changeSourceOfAuthority(group.id(), true);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byAlice, withoutRole);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byAdmin, TestTokens.groupsAdmin());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, forged, TestTokens.forged(claims));
        ChangeSourceOfAuthority withoutToken = Samples.changeSourceOfAuthority(group.id(), true);
        sender.publish(Topics.DIRECTORY_COMMANDS, withoutToken);

        for (UUID denied : List.of(byAlice.metadata().commandId(), byAdmin.metadata().commandId())) {
            CommandResult result = resultOf(denied);
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("Authorization_RequestDenied");
            assertThat(result.message()).isEqualTo("Insufficient privileges to complete the operation.");
        }
        for (UUID unauthenticated : List.of(forged.metadata().commandId(), withoutToken.metadata().commandId())) {
            CommandResult result = resultOf(unauthenticated);
            assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
            assertThat(result.errorCode()).isEqualTo("InvalidAuthenticationToken");
        }
        var json = api.get("/v1.0/groups/" + group.id(), TestTokens.groupsAdmin()).json();
        assertThat(json.get("displayName").asString()).isEqualTo(group.name());
        assertThat(json.get("onPremisesSyncEnabled").asBoolean()).isTrue();
    }

    @Test
    void refusesACommandWhoseTokenExpiredBeforeItWasConsumed() {
        AdGroup group = synced(AdGroup.security("KafkaBacklog"));
        var claims = DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL), List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));
        ChangeSourceOfAuthority waitedTooLong = Samples.changeSourceOfAuthority(group.id(), true);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, waitedTooLong, TestTokens.expired(claims));

        CommandResult result = resultOf(waitedTooLong.metadata().commandId());
        assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(result.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(result.message()).contains("expired");
        assertThat(api.get("/beta/groups/" + group.id() + "/onPremisesSyncBehavior", TestTokens.groupsAdmin()).json()
                .get("isCloudManaged").asBoolean()).isFalse();
    }

    @Test
    void rejectsCommandForUnknownGroupWithGraphCode() throws Exception {
        ChangeSourceOfAuthority command = Samples.changeSourceOfAuthority(UUID.randomUUID().toString(), true);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, command, TestTokens.groupsAdmin());

        CommandResult result = resultOf(command.metadata().commandId());
        assertThat(result.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(result.errorCode()).isEqualTo("Request_ResourceNotFound");
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(admin.listConsumerGroupOffsets("steward-directory")
                    .partitionsToOffsetAndMetadata().get().keySet())
                    .anySatisfy(partition -> assertThat(partition.topic()).isEqualTo(Topics.DIRECTORY_COMMANDS)));
        }
    }

    @Test
    void executesADuplicateCommandOnlyOnce() {
        AdGroup group = synced(AdGroup.security("KafkaDuplicate"));
        ChangeSourceOfAuthority toCloud = Samples.changeSourceOfAuthority(group.id(), true);
        ChangeSourceOfAuthority rollback = Samples.changeSourceOfAuthority(group.id(), false);
        ChangeSourceOfAuthority marker = Samples.changeSourceOfAuthority(group.id(), false);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, toCloud, TestTokens.groupsAdmin());
        resultOf(toCloud.metadata().commandId());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, rollback, TestTokens.groupsAdmin());
        resultOf(rollback.metadata().commandId());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, toCloud, TestTokens.groupsAdmin());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, marker, TestTokens.groupsAdmin());
        resultOf(marker.metadata().commandId());

        assertThat(results.values(CommandResult.class, r -> r.commandId().equals(toCloud.metadata().commandId())))
                .hasSize(1);
        assertThat(api.get("/beta/groups/" + group.id() + "/onPremisesSyncBehavior", TestTokens.groupsAdmin()).json()
                .get("isCloudManaged").asBoolean()).isFalse();
    }

    @Test
    void deadLettersMalformedCommandAndKeepsConsuming() {
        AdGroup group = synced(AdGroup.security("KafkaDlt"));
        try (var deadLetters = TopicReader.raw(kafka.adminConfig(), Topics.deadLetter(Topics.DIRECTORY_COMMANDS))) {
            sender.sendRaw(Topics.DIRECTORY_COMMANDS, group.id(), "directory.ChangeSourceOfAuthority",
                    "{\"groupId\":\"" + group.id() + "\",", TestTokens.groupsAdmin());
            sender.sendRaw(Topics.DIRECTORY_COMMANDS, group.id(), "no.SuchType", "{}");
            ChangeSourceOfAuthority valid = Samples.changeSourceOfAuthority(group.id(), true);
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, valid, TestTokens.groupsAdmin());

            var dead = await().atMost(WAIT).until(() -> deadLetters.poll(r -> group.id().equals(r.key())),
                    list -> list.size() >= 2);
            List<String> reasons = dead.stream().map(r -> new String(
                    r.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8)).toList();
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("malformed ChangeSourceOfAuthority"));
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("no.SuchType"));
            assertThat(dead).as("a dead letter never carries the bearer token")
                    .allSatisfy(r -> assertThat(r.headers().headers(CloudEventHeaders.AUTHORIZATION)).isEmpty());
            assertThat(resultOf(valid.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        }
    }

    @Test
    void createsChangesAndDeletesAGroupAndItsMembersByKafkaCommands() {
        SyncUser bob = Samples.syncUser(UUID.randomUUID().toString(), "bob-kafka@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, bob, TestTokens.syncEngine());
        assertThat(resultOf(bob.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        String groupId = UUID.randomUUID().toString();
        CreateGroup create = new CreateGroup(Samples.metadata(), groupId, "Kafka Team", null, "kafkateam", false,
                true, List.of(), null, List.of(), List.of());
        AddMembers add = new AddMembers(Samples.metadata(), groupId, List.of(bob.userId()));
        UpdateGroup rename = new UpdateGroup(Samples.metadata(), groupId, Map.of("displayName", "Kafka Team 2"));
        RemoveMembers remove = new RemoveMembers(Samples.metadata(), groupId, List.of(bob.userId()));
        AddMembers again = new AddMembers(Samples.metadata(), groupId, List.of(bob.userId(), bob.userId()));
        DeleteGroup delete = new DeleteGroup(Samples.metadata(), groupId);

        for (var command : List.of(create, add, rename, remove, again)) {
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, command, TestTokens.groupsAdmin());
            assertThat(resultOf(command.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        }
        AddMembers duplicate = new AddMembers(Samples.metadata(), groupId, List.of(bob.userId()));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, duplicate, TestTokens.groupsAdmin());
        CommandResult refused = resultOf(duplicate.metadata().commandId());
        assertThat(refused.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(refused.message()).contains("already exist");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, delete, TestTokens.groupsAdmin());
        assertThat(resultOf(delete.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);

        MembersAdded added = await().atMost(WAIT).until(() -> events.values(MembersAdded.class,
                e -> e.groupId().equals(groupId)), list -> list.size() == 2).get(0);
        assertThat(added.members()).containsExactly(DirectoryObjectRef.user(bob.userId()));
        assertThat(events.values(MembersRemoved.class, e -> e.groupId().equals(groupId))).hasSize(1);
        await().atMost(WAIT).until(() -> events.values(GroupDeleted.class, e -> e.groupId().equals(groupId)),
                list -> list.size() == 1);
    }

    @Test
    void deletesAGroupAndAUserDeletedInAdAndTakesTheUserOutOfItsGroups() {
        SyncUser erin = Samples.syncUser(UUID.randomUUID().toString(), "erin-deleted@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, erin, TestTokens.syncEngine());
        assertThat(resultOf(erin.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        AdGroup adGroup = synced(AdGroup.security("KafkaDeletedInAd"));
        String cloudGroupId = UUID.randomUUID().toString();
        CreateGroup cloudGroup = new CreateGroup(Samples.metadata(), cloudGroupId, "Has Erin", null, "haserin", false,
                true, List.of(), null, List.of(), List.of(erin.userId()));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, cloudGroup, TestTokens.groupsAdmin());
        assertThat(resultOf(cloudGroup.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);

        SyncDeletion groupGone = new SyncDeletion(Samples.metadata(), adGroup.id(), adGroup.anchor(),
                SyncDeletion.GROUP, SYNCED_AT);
        SyncDeletion userGone = new SyncDeletion(Samples.metadata(), erin.userId(), erin.anchor(), SyncDeletion.USER,
                SYNCED_AT);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, groupGone, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, userGone, TestTokens.syncEngine());

        assertThat(resultOf(groupGone.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(resultOf(userGone.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(api.get("/v1.0/groups/" + adGroup.id(), TestTokens.groupsAdmin()).status()).isEqualTo(404);
        assertThat(api.get("/v1.0/users/" + erin.userId(), TestTokens.app(UUID.randomUUID().toString(),
                Permissions.USER_READWRITE_ALL)).status()).isEqualTo(404);
        GroupDeleted deleted = await().atMost(WAIT).until(() -> events.values(GroupDeleted.class,
                e -> e.groupId().equals(adGroup.id())), list -> !list.isEmpty()).get(0);
        assertThat(deleted.metadata().initiator().appId()).isEqualTo(TestTokens.SYNC_APP_ID);
        MembersRemoved left = await().atMost(WAIT).until(() -> events.values(MembersRemoved.class,
                e -> e.groupId().equals(cloudGroupId)), list -> !list.isEmpty()).get(0);
        assertThat(left.members()).containsExactly(DirectoryObjectRef.user(erin.userId()));
        await().atMost(WAIT).until(() -> events.values(UserDeleted.class, e -> e.userId().equals(erin.userId())),
                list -> list.size() == 1);
    }

    @Test
    void refusesToDeleteByASyncAGroupWhoseSourceOfAuthorityIsInTheCloudAnotherAnchorsObjectOrForAnotherCaller() {
        AdGroup converted = synced(AdGroup.security("KafkaDeleteConverted"));
        commands.send(new dev.steward.directory.group.api.SwitchSourceOfAuthority(converted.id(), true), SYNC_ENGINE);
        AdGroup other = synced(AdGroup.security("KafkaDeleteOtherAnchor"));
        SyncDeletion convertedGone = new SyncDeletion(Samples.metadata(), converted.id(), converted.anchor(),
                SyncDeletion.GROUP, SYNCED_AT);
        String wrongAnchor = UUID.randomUUID().toString();
        SyncDeletion notItsAnchor = new SyncDeletion(Samples.metadata(), DirectoryIds.fromAnchor(wrongAnchor),
                wrongAnchor, SyncDeletion.GROUP, SYNCED_AT);
        SyncDeletion byAnAdmin = new SyncDeletion(Samples.metadata(), other.id(), other.anchor(), SyncDeletion.GROUP,
                SYNCED_AT);

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, convertedGone, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, notItsAnchor, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byAnAdmin, TestTokens.groupsAdmin());

        assertThat(resultOf(convertedGone.metadata().commandId()).errorCode()).isEqualTo("SourceOfAuthorityInCloud");
        assertThat(resultOf(notItsAnchor.metadata().commandId()).status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(resultOf(byAnAdmin.metadata().commandId()).errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(api.get("/v1.0/groups/" + converted.id(), TestTokens.groupsAdmin()).status()).isEqualTo(200);
        assertThat(api.get("/v1.0/groups/" + other.id(), TestTokens.groupsAdmin()).status()).isEqualTo(200);
    }

    @Test
    void letsOnlyOwnersAndAdminsChangeMembersByKafkaCommand() {
        SyncUser owner = Samples.syncUser(UUID.randomUUID().toString(), "owner-kafka@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, owner, TestTokens.syncEngine());
        resultOf(owner.metadata().commandId());
        String groupId = UUID.randomUUID().toString();
        CreateGroup create = new CreateGroup(Samples.metadata(), groupId, "Owned by Kafka", null, "ownedkafka", false,
                true, List.of(), null, List.of(owner.userId()), List.of());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, create, TestTokens.groupsAdmin());
        assertThat(resultOf(create.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        String ownerToken = TestTokens.user(owner.userId(), owner.userPrincipalName(),
                List.of(Permissions.GROUP_MEMBER_READWRITE_ALL), List.of());
        String strangerToken = TestTokens.user(UUID.randomUUID().toString(), "stranger@corp.example.test",
                List.of(Permissions.GROUP_MEMBER_READWRITE_ALL), List.of());

        AddMembers byOwner = new AddMembers(Samples.metadata(), groupId, List.of(owner.userId()));
        AddMembers byStranger = new AddMembers(Samples.metadata(), groupId, List.of(owner.userId()));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byStranger, strangerToken);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, byOwner, ownerToken);

        assertThat(resultOf(byStranger.metadata().commandId()).errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(resultOf(byOwner.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
    }

    @Test
    void addsAndRemovesOwnersByKafkaCommandWithGraphsRefusals() {
        SyncUser first = Samples.syncUser(UUID.randomUUID().toString(), "owner1-" + UUID.randomUUID() + "@corp.example.test");
        SyncUser second = Samples.syncUser(UUID.randomUUID().toString(), "owner2-" + UUID.randomUUID() + "@corp.example.test");
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, first, TestTokens.syncEngine());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, second, TestTokens.syncEngine());
        resultOf(first.metadata().commandId());
        resultOf(second.metadata().commandId());
        String groupId = UUID.randomUUID().toString();
        CreateGroup create = new CreateGroup(Samples.metadata(), groupId, "Owners by Kafka", null, "ownerskafka", false,
                true, List.of(), null, List.of(first.userId()), List.of());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, create, TestTokens.groupsAdmin());
        assertThat(resultOf(create.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);

        AddOwners add = new AddOwners(Samples.metadata(), groupId, List.of(second.userId()));
        AddOwners again = new AddOwners(Samples.metadata(), groupId, List.of(second.userId()));
        AddOwners unknown = new AddOwners(Samples.metadata(), groupId, List.of(UUID.randomUUID().toString()));
        RemoveOwners remove = new RemoveOwners(Samples.metadata(), groupId, List.of(first.userId()));
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, add, TestTokens.groupsAdmin());
        assertThat(resultOf(add.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, again, TestTokens.groupsAdmin());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, unknown, TestTokens.groupsAdmin());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, remove, TestTokens.groupsAdmin());

        CommandResult duplicate = resultOf(again.metadata().commandId());
        assertThat(duplicate.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(duplicate.message()).contains("already exist");
        assertThat(resultOf(unknown.metadata().commandId()).errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(resultOf(remove.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1.0/groups/" + groupId + "/owners",
                TestTokens.groupsAdmin()).json().get("value").valueStream().map(owner -> owner.get("id").asString()).toList())
                .containsExactly(second.userId()));
    }

    /**
     * A succeeded command names its aggregate's version: the sequence number of its last event, which the event on
     * Kafka carries as {@code aggregateVersion}; a command that changed nothing names the version it found; a refusal
     * names none; a result published again after a redelivery names the stored version.
     */
    @Test
    void answersEachCommandWithItsAggregatesNewVersionAsItsEventsNumberIt() {
        SyncUser bob = Samples.syncUser(UUID.randomUUID().toString(), "bob-versions@corp.example.test");
        SyncUser bobAgain = Samples.syncUser(bob.anchor(), "bob-versions@corp.example.test");
        SyncUser carol = Samples.syncUser(UUID.randomUUID().toString(), "carol-versions@corp.example.test");
        for (SyncUser sync : List.of(bob, bobAgain, carol)) {
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, sync, TestTokens.syncEngine());
        }
        assertThat(resultOf(bob.metadata().commandId()).version()).isZero();
        assertThat(resultOf(bobAgain.metadata().commandId()).version()).as("nothing changed").isZero();
        String groupId = UUID.randomUUID().toString();
        CreateGroup create = new CreateGroup(Samples.metadata(), groupId, "Versioned", null, "versioned", false,
                true, List.of(), null, List.of(bob.userId()), List.of(bob.userId()));
        AddMembers add = new AddMembers(Samples.metadata(), groupId, List.of(carol.userId()));
        UpdateGroup rename = new UpdateGroup(Samples.metadata(), groupId, Map.of("displayName", "Versioned 2"));
        UpdateGroup sameName = new UpdateGroup(Samples.metadata(), groupId, Map.of("displayName", "Versioned 2"));
        AddMembers duplicate = new AddMembers(Samples.metadata(), groupId, List.of(carol.userId()));

        sender.sendCommand(Topics.DIRECTORY_COMMANDS, create, TestTokens.groupsAdmin());
        long created = resultOf(create.metadata().commandId()).version();
        for (var command : List.of(add, rename, sameName, duplicate)) {
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, command, TestTokens.groupsAdmin());
        }

        assertThat(created).as("GroupCreated, OwnersAdded, MembersAdded").isEqualTo(2);
        assertThat(resultOf(add.metadata().commandId()).version()).isEqualTo(3);
        assertThat(resultOf(rename.metadata().commandId()).version()).isEqualTo(4);
        assertThat(resultOf(sameName.metadata().commandId()).version()).isEqualTo(4);
        CommandResult refused = resultOf(duplicate.metadata().commandId());
        assertThat(refused.status()).isEqualTo(CommandResult.Status.REJECTED);
        assertThat(refused.version()).isNull();
        List<IntegrationEvent> groupEvents = await().atMost(WAIT).until(() -> events.values(IntegrationEvent.class,
                e -> e.metadata().aggregateId().equals(groupId)), list -> list.size() == 5);
        assertThat(groupEvents).extracting(e -> e.metadata().aggregateVersion())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(groupEvents.get(3)).isInstanceOf(MembersAdded.class);

        jdbc.update("UPDATE command_outcome SET result_published = FALSE WHERE command_id = ?",
                add.metadata().commandId().toString());
        sender.sendCommand(Topics.DIRECTORY_COMMANDS, add, TestTokens.groupsAdmin());
        List<CommandResult> answers = await().atMost(WAIT).until(() -> results.values(CommandResult.class,
                r -> r.commandId().equals(add.metadata().commandId())), list -> list.size() == 2);
        assertThat(answers).extracting(CommandResult::version).containsExactly(3L, 3L);
        assertThat(api.get("/v1.0/groups/" + groupId + "/members", TestTokens.groupsAdmin()).json().get("value")
                .size()).as("the redelivered command was not executed again").isEqualTo(2);
    }

    @Test
    void refusesACreateGroupWhoseIdIsTakenAsGraphDoesAndKeepsTheGroupItHas() {
        String groupId = UUID.randomUUID().toString();
        CreateGroup first = new CreateGroup(Samples.metadata(), groupId, "Taken Id", null, "takenid", false, true,
                List.of(), null, List.of(), List.of());
        CreateGroup second = new CreateGroup(Samples.metadata(), groupId.toUpperCase(), "Same Id", null, "sameid",
                false, true, List.of(), null, List.of(), List.of());
        AddMembers afterwards = new AddMembers(Samples.metadata(), groupId, List.of(syncedUser("after-taken")));

        for (var command : List.of(first, second, afterwards)) {
            sender.sendCommand(Topics.DIRECTORY_COMMANDS, command, TestTokens.groupsAdmin());
        }

        assertThat(resultOf(first.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        CommandResult refused = resultOf(second.metadata().commandId());
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.message()).isEqualTo("Another object with the same value for property id already exists.");
        assertThat(resultOf(afterwards.metadata().commandId()).status()).isEqualTo(CommandResult.Status.SUCCEEDED);
        assertThat(api.get("/v1.0/groups/" + groupId, TestTokens.groupsAdmin()).json().get("displayName").asString())
                .isEqualTo("Taken Id");
    }

    private AdGroup synced(AdGroup group) {
        commands.send(group.command(SYNCED_AT), SYNC_ENGINE);
        return group;
    }

    private CommandResult resultOf(UUID commandId) {
        return await().atMost(WAIT).until(() -> results.values(CommandResult.class,
                r -> r.commandId().equals(commandId)), list -> !list.isEmpty()).get(0);
    }
}
