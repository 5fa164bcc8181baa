package dev.steward.selfservice.directory;

import static dev.steward.selfservice.support.DirectoryEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupKind;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryReadModelIT extends SelfServiceTestBase {

    @Test
    void directoryEventsBuildTheReadModel() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture engineering = GroupFixture.adMasteredSecurityGroup().named("Engineering");

        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.created(engineering.snapshot(), T0),
                DirectoryEvents.ownersAdded(engineering, T0, alice.id()),
                DirectoryEvents.membersAdded(engineering, T0, DirectoryObjectRef.user(bob.id())),
                DirectoryEvents.userSynced(bob.id(), bob.userPrincipalName(), "Bob", T0));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(groups.find(engineering.id())).hasValueSatisfying(group -> {
                assertThat(group.displayName()).isEqualTo("Engineering");
                assertThat(group.kind()).isEqualTo(GroupKind.SECURITY);
                assertThat(group.onPremisesSyncEnabled()).isTrue();
                assertThat(group.isCloudManaged()).isFalse();
                assertThat(group.onPremisesAnchor()).isEqualTo(engineering.anchor());
                assertThat(group.ownerIds()).containsExactly(alice.id());
                assertThat(groups.directMemberIds(group.id())).containsExactly(bob.id());
            });
            assertThat(users.find(bob.id())).contains(new KnownUser(bob.id(), bob.userPrincipalName(), "Bob"));
        });

        kafka.publish(Topics.DIRECTORY_EVENTS,
                DirectoryEvents.updated(engineering.named("Engineering (all)").snapshot(), T0.plusSeconds(10)),
                DirectoryEvents.sourceOfAuthorityChanged(engineering, true, null, T0.plusSeconds(20)),
                DirectoryEvents.userSynced(bob.id(), "robert@corp.example.test", "Robert", T0.plusSeconds(30)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(groups.find(engineering.id())).hasValueSatisfying(group -> {
                assertThat(group.displayName()).isEqualTo("Engineering (all)");
                assertThat(group.ownerIds()).as("a snapshot leaves owners alone").containsExactly(alice.id());
                assertThat(groups.directMemberIds(group.id())).as("a snapshot leaves members alone")
                        .containsExactly(bob.id());
                assertThat(group.isCloudManaged()).isTrue();
                assertThat(group.onPremisesSyncEnabled()).isNull();
            });
            assertThat(users.find(bob.id())).contains(new KnownUser(bob.id(), "robert@corp.example.test", "Robert"));
        });
    }

    @Test
    void addsAndRemovesOwnersFromOwnerEvents() {
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TestUser erin = TestUser.named("erin");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup());

        publishAndAwaitConsumed(DirectoryEvents.ownersAdded(group, T0.plusSeconds(1), alice.id(), dave.id()),
                DirectoryEvents.ownersAdded(group, T0.plusSeconds(2), erin.id()));
        assertThat(groups.find(group.id()).orElseThrow().ownerIds())
                .containsExactlyInAnyOrder(alice.id(), dave.id(), erin.id());

        publishAndAwaitConsumed(DirectoryEvents.ownersRemoved(group, T0.plusSeconds(3), dave.id(), erin.id()));

        assertThat(groups.find(group.id()).orElseThrow().ownerIds()).containsExactly(alice.id());
        assertThat(groups.ownerIds(group.id())).containsExactly(alice.id());
    }

    @Test
    void ignoresAnOwnerEventThatTheDirectoryDidNotPublish() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));

        try (KafkaTestClient forger = testKafka.client(KafkaPrincipal.DIRECTORY, KafkaPrincipal.SYNC.source())) {
            forger.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.ownersAdded(group, T0.plusSeconds(1), bob.id()));
        }
        publishAndAwaitConsumed();

        assertThat(groups.find(group.id()).orElseThrow().ownerIds()).containsExactly(alice.id());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS)))
                .anySatisfy(record -> assertThat(new String(record.headers()
                        .lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                        .isEqualTo("record on steward.directory.events has ce_source '/steward/sync-service'; only "
                                + "/steward/directory-service publishes there")));
    }

    @Test
    void addsAndRemovesMembersFromMemberEvents() {
        TestUser bob = TestUser.named("bob");
        TestUser carol = TestUser.named("carol");
        GroupFixture nested = given(GroupFixture.cloudSecurityGroup());
        GroupFixture group = given(GroupFixture.cloudSecurityGroup());

        publishAndAwaitConsumed(DirectoryEvents.membersAdded(group, T0.plusSeconds(1), DirectoryObjectRef.user(bob.id()),
                        DirectoryObjectRef.user(carol.id())),
                DirectoryEvents.membersAdded(group, T0.plusSeconds(2), DirectoryObjectRef.group(nested.id())));
        assertThat(groups.directMemberIds(group.id()))
                .containsExactlyInAnyOrder(bob.id(), carol.id(), nested.id());

        publishAndAwaitConsumed(DirectoryEvents.membersRemoved(group, T0.plusSeconds(3), DirectoryObjectRef.user(bob.id()),
                DirectoryObjectRef.group(nested.id())));

        KnownGroup known = groups.find(group.id()).orElseThrow();
        assertThat(groups.directMemberIds(group.id())).containsExactly(carol.id());
        assertThat(groups.isDirectMember(group.id(), bob.id())).isFalse();
        assertThat(groups.isDirectMember(group.id(), carol.id())).isTrue();
        assertThat(known.ownerIds()).isEmpty();
    }

    @Test
    void ignoresARepeatedMemberEvent() {
        TestUser bob = TestUser.named("bob");
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().withMembers(carol.id()));
        MembersAdded added = DirectoryEvents.membersAdded(group, T0.plusSeconds(1), DirectoryObjectRef.user(bob.id()));
        MembersRemoved removed = DirectoryEvents.membersRemoved(group, T0.plusSeconds(2),
                DirectoryObjectRef.user(bob.id()));
        publishAndAwaitConsumed(added, removed);

        publishAndAwaitConsumed(added,
                DirectoryEvents.membersAdded(group, T0.plusSeconds(3), DirectoryObjectRef.user(carol.id())),
                DirectoryEvents.membersRemoved(group, T0.plusSeconds(4), DirectoryObjectRef.user(bob.id())));

        assertThat(groups.directMemberIds(group.id()))
                .as("the redelivered add is dropped; adding a member again or removing an absent one changes nothing")
                .containsExactly(carol.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_message WHERE consumer = ? AND message_id = ?",
                Integer.class, DirectoryProjection.CONSUMER, added.messageId())).isEqualTo(1);
        assertThat(kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS)))
                .noneSatisfy(record -> assertThat(record.key()).isEqualTo(group.id()));
    }

    @Test
    void forgetsADeletedGroupAndItsMemberships() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture team = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(bob.id()));
        GroupFixture parent = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(bob.id()));
        GroupFixture other = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        publishAndAwaitConsumed(DirectoryEvents.membersAdded(parent, T0.plusSeconds(1), DirectoryObjectRef.group(team.id())),
                DirectoryEvents.membersAdded(other, T0.plusSeconds(1), DirectoryObjectRef.group(team.id())));

        publishAndAwaitConsumed(DirectoryEvents.deleted(team, T0.plusSeconds(2)));

        assertThat(groups.find(team.id())).isEmpty();
        assertThat(groups.ownerIds(team.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_group_member WHERE group_id = ? OR member_id = ?",
                Integer.class, team.id(), team.id())).isZero();
        assertThat(groups.directMemberIds(parent.id())).containsExactly(bob.id());
        assertThat(groups.find(parent.id()).orElseThrow().ownerIds()).containsExactly(alice.id());
        assertThat(groups.directMemberIds(other.id())).isEmpty();
        Response refused = requestToJoin(TestUser.named("carol"), team);
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void readsGroupKindsFromTheirProperties() {
        GroupFixture distribution = GroupFixture.distributionGroup();
        GroupFixture microsoft365 = GroupFixture.microsoft365Group();
        GroupFixture dynamic = GroupFixture.dynamicSecurityGroup();

        publishAndAwaitConsumed(DirectoryEvents.created(distribution), DirectoryEvents.created(microsoft365),
                DirectoryEvents.created(dynamic));

        assertThat(groups.find(distribution.id()).orElseThrow().kind()).isEqualTo(GroupKind.DISTRIBUTION);
        assertThat(groups.find(microsoft365.id()).orElseThrow().kind()).isEqualTo(GroupKind.MICROSOFT_365);
        assertThat(groups.find(dynamic.id()).orElseThrow().isDynamic()).isTrue();
    }

    @Test
    void replayedEventsAreNotAppliedTwice() {
        GroupFixture group = GroupFixture.adMasteredSecurityGroup().named("Before");
        GroupCreated created = DirectoryEvents.created(group.snapshot(), T0);
        GroupUpdated renamed = DirectoryEvents.updated(group.named("After").snapshot(), T0.plusSeconds(10));
        SourceOfAuthorityChanged switched = DirectoryEvents.sourceOfAuthorityChanged(group, true, null, T0.plusSeconds(20));
        publishAndAwaitConsumed(created, renamed, switched);

        publishAndAwaitConsumed(created, renamed, switched, created);

        KnownGroup known = groups.find(group.id()).orElseThrow();
        assertThat(known.displayName()).isEqualTo("After");
        assertThat(known.isCloudManaged()).isTrue();
        assertThat(known.onPremisesSyncEnabled()).isNull();
        for (IntegrationEvent event : List.of(created, renamed, switched)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_message WHERE consumer = ? AND message_id = ?",
                    Integer.class, DirectoryProjection.CONSUMER, event.messageId())).isEqualTo(1);
        }
    }

    @Test
    void staleEventDoesNotOverwriteNewerState() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture group = GroupFixture.adMasteredSecurityGroup().named("Current");
        publishAndAwaitConsumed(DirectoryEvents.created(group.snapshot(), T0.plusSeconds(10)),
                DirectoryEvents.ownersAdded(group, T0.plusSeconds(10), alice.id()),
                DirectoryEvents.sourceOfAuthorityChanged(group, true, null, T0.plusSeconds(30)),
                DirectoryEvents.userSynced(bob.id(), bob.userPrincipalName(), "Bob", T0.plusSeconds(10)));

        publishAndAwaitConsumed(
                DirectoryEvents.updated(group.named("Older").snapshot(), T0),
                DirectoryEvents.sourceOfAuthorityChanged(group, false, true, T0.plusSeconds(5)),
                DirectoryEvents.userSynced(bob.id(), "old-bob@corp.example.test", "Old Bob", T0));

        KnownGroup known = groups.find(group.id()).orElseThrow();
        assertThat(known.displayName()).isEqualTo("Current");
        assertThat(known.ownerIds()).containsExactly(alice.id());
        assertThat(known.isCloudManaged()).isTrue();
        assertThat(known.onPremisesSyncEnabled()).isNull();
        assertThat(users.find(bob.id()).orElseThrow().userPrincipalName()).isEqualTo(bob.userPrincipalName());
    }

    @Test
    void olderSnapshotUpdatesTheGroupButNotItsNewerSourceOfAuthority() {
        GroupFixture group = GroupFixture.adMasteredSecurityGroup().named("Synced");
        publishAndAwaitConsumed(DirectoryEvents.created(group.snapshot(), T0),
                DirectoryEvents.sourceOfAuthorityChanged(group, true, null, T0.plusSeconds(30)));

        publishAndAwaitConsumed(DirectoryEvents.updated(group.named("Renamed in AD").snapshot(), T0.plusSeconds(20)));

        KnownGroup known = groups.find(group.id()).orElseThrow();
        assertThat(known.displayName()).isEqualTo("Renamed in AD");
        assertThat(known.isCloudManaged()).isTrue();
        assertThat(known.onPremisesSyncEnabled()).isNull();
    }

    @Test
    void sourceOfAuthorityRolledBackToAdMakesJoinRequestsRefused() {
        TestUser alice = TestUser.named("alice");
        GroupFixture engineering = GroupFixture.adMasteredSecurityGroup().named("Engineering");
        GroupFixture cloud = GroupFixture.cloudSecurityGroup().named("Cloud team");
        publishAndAwaitConsumed(DirectoryEvents.created(engineering.snapshot(), T0),
                DirectoryEvents.ownersAdded(engineering, T0, alice.id()),
                DirectoryEvents.created(cloud.snapshot(), T0),
                DirectoryEvents.ownersAdded(cloud, T0, alice.id()),
                DirectoryEvents.sourceOfAuthorityChanged(engineering, true, null, T0.plusSeconds(10)));
        // as the owners do after the switch (the policy is Closed until then) and for the cloud group
        groups.setJoinPolicy(engineering.id(), JoinPolicy.OWNER_APPROVAL);
        groups.setJoinPolicy(cloud.id(), JoinPolicy.OWNER_APPROVAL);
        assertThat(requestToJoin(TestUser.named("bob"), engineering).status()).isEqualTo(201);

        publishAndAwaitConsumed(DirectoryEvents.sourceOfAuthorityChanged(engineering, false, null, T0.plusSeconds(20)));

        KnownGroup rolledBack = groups.find(engineering.id()).orElseThrow();
        assertThat(rolledBack.isCloudManaged()).isFalse();
        assertThat(rolledBack.onPremisesSyncEnabled()).isNull();
        assertThat(rolledBack.onPremisesAnchor()).isEqualTo(engineering.anchor());
        Response refused = requestToJoin(TestUser.named("carol"), engineering);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(refused.errorMessage()).contains("'Engineering' is mastered on-premises")
                .contains("rolled back to Active Directory");

        KnownGroup createdInCloud = groups.find(cloud.id()).orElseThrow();
        assertThat(createdInCloud.isCloudManaged()).isFalse();
        assertThat(createdInCloud.onPremisesSyncEnabled()).isNull();
        assertThat(createdInCloud.onPremisesAnchor()).isNull();
        assertThat(requestToJoin(TestUser.named("carol"), cloud).status()).isEqualTo(201);
    }

    @Test
    void rollbackCarriesTheAnchorIntoRowsProjectedBeforeItWasStored() {
        TestUser alice = TestUser.named("alice");
        GroupFixture group = GroupFixture.adMasteredSecurityGroup();
        publishAndAwaitConsumed(DirectoryEvents.created(group.snapshot(), T0),
                DirectoryEvents.ownersAdded(group, T0, alice.id()),
                DirectoryEvents.sourceOfAuthorityChanged(group, true, null, T0.plusSeconds(10)));
        // as if projected before V2 added the column
        jdbc.update("UPDATE directory_group SET on_premises_anchor = NULL WHERE id = ?", group.id());
        groups.setJoinPolicy(group.id(), JoinPolicy.OWNER_APPROVAL);
        assertThat(requestToJoin(TestUser.named("bob"), group).status()).isEqualTo(201);

        publishAndAwaitConsumed(DirectoryEvents.sourceOfAuthorityChanged(group, false, null, T0.plusSeconds(20)));

        assertThat(groups.find(group.id()).orElseThrow().onPremisesAnchor()).isEqualTo(group.anchor());
        Response refused = requestToJoin(TestUser.named("carol"), group);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).contains("rolled back to Active Directory");
    }

    @Test
    void malformedEventGoesToDeadLetterAndListenerKeepsGoing() {
        String key = "malformed-" + UUID.randomUUID();
        kafka.sendRaw(Topics.DIRECTORY_EVENTS, key, "directory.GroupCreated", "{\"metadata\":");
        kafka.sendRaw(Topics.DIRECTORY_EVENTS, key + "-untyped", "directory.NoSuchEvent", "{}");
        GroupFixture afterwards = GroupFixture.cloudSecurityGroup();

        given(afterwards);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            var deadLetters = kafka.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS));
            assertThat(deadLetters).filteredOn(record -> record.key().equals(key)).singleElement().satisfies(record -> {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"metadata\":");
                assertThat(new String(record.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(),
                        StandardCharsets.UTF_8)).contains("malformed GroupCreated");
            });
            assertThat(deadLetters).filteredOn(record -> record.key().equals(key + "-untyped")).singleElement()
                    .satisfies(record -> assertThat(new String(record.headers()
                            .lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                            .contains("unknown message type"));
        });
    }

    private Response requestToJoin(TestUser requester, GroupFixture group) {
        return http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
    }
}
