package dev.steward.sync.writeback;

import static dev.steward.sync.writeback.WriteBackFixtures.BASE_DN;
import static dev.steward.sync.writeback.WriteBackFixtures.cloudGroup;
import static dev.steward.sync.writeback.WriteBackFixtures.created;
import static dev.steward.sync.writeback.WriteBackFixtures.deleted;
import static dev.steward.sync.writeback.WriteBackFixtures.mailEnabled;
import static dev.steward.sync.writeback.WriteBackFixtures.membersAdded;
import static dev.steward.sync.writeback.WriteBackFixtures.membersRemoved;
import static dev.steward.sync.writeback.WriteBackFixtures.sourceOfAuthority;
import static dev.steward.sync.writeback.WriteBackFixtures.syncedGroup;
import static dev.steward.sync.writeback.WriteBackFixtures.updated;
import static dev.steward.sync.writeback.WriteBackFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.ldap.AdSids;
import dev.steward.sync.testing.TestServiceTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Write-back end to end against an in-memory directory that assigns objectGUID and objectSid as AD does: the
 * directory's events arrive over Kafka, runs are started by the test. Its own directory and context, so the shared
 * seed directory of the other tests never sees the groups written here.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AutoConfigureMockMvc
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC, partitions = 3)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WriteBackIT {

    private static final String USERS = "CN=Users," + BASE_DN;
    private static final String GROUPS_OU = "OU=Groups," + BASE_DN;
    private static final String CLOUD_OU = "OU=Cloud Groups," + BASE_DN;
    private static final String ADMIN = TestTokens.groupsAdmin();

    private static InMemoryDirectoryServer directory;
    private static final WriteBackFeed FEED = new WriteBackFeed(Duration.ofSeconds(15));
    private static boolean usersSynced;
    private static final List<String> USER_ANCHORS = new ArrayList<>();

    @Autowired
    WriteBackRunner runner;
    @Autowired
    WriteBackStore store;
    @Autowired
    ConnectorSpace connectorSpace;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestKafka testKafka;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyncProperties syncProperties;
    @Autowired
    WriteBackProperties properties;
    @Autowired
    IdGenerator ids;
    @Autowired
    WriteBackAnnouncer announcer;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws LDAPException {
        directory = WriteBackFixtures.adLikeDirectory();
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        TestDatabase.freshSchemaIn("steward_sync").register(registry);
        registry.add("steward.sync.ldap.url", () -> "ldap://127.0.0.1:" + directory.getListenPort());
        registry.add("steward.sync.ldap.bind-dn", () -> WriteBackFixtures.BIND_DN);
        registry.add("steward.sync.ldap.password", () -> WriteBackFixtures.PASSWORD);
        registry.add("steward.sync.ldap.base-dn", () -> BASE_DN);
        registry.add("steward.sync.initial-cycle-on-start", () -> "false");
        registry.add("steward.sync.schedule.interval", () -> "0s");
        WriteBackFeed.register(registry, CLOUD_OU);
        // tiny chunks: every member change of more than two values takes several modifies
        registry.add("steward.sync.writeback.member-chunk-size", () -> "2");
    }

    @BeforeEach
    void connectFeed() {
        FEED.connect(testKafka, store);
    }

    @AfterAll
    static void stop() {
        FEED.close();
        if (directory != null) {
            directory.shutDown(true);
            directory = null;
        }
        usersSynced = false;
        USER_ANCHORS.clear();
    }

    /** Six AD users the sync engine has seen (in the connector space): Alice, Bob, Carol, Dan, Erin, Frank. */
    @BeforeEach
    void syncUsers() throws LDAPException {
        if (usersSynced) {
            return;
        }
        for (String name : List.of("Alice", "Bob", "Carol", "Dan", "Erin", "Frank")) {
            String anchor = addUser(name);
            WriteBackFixtures.synced(connectorSpace, transaction, anchor, ObjectType.USER, userDn(name), name);
            USER_ANCHORS.add(anchor);
        }
        usersSynced = true;
    }

    @Test
    void cloudGroupWithSpecialCharactersIsCreatedInTheTargetOuAndMatchedAgainNotDuplicated() throws Exception {
        String id = UUID.randomUUID().toString();
        String name = "R&D, \"West\" +1 <lab>; a=b #1 \\ *(x)";
        FEED.publish(created(cloudGroup(id, name, "lab staff")), membersAdded(id, user(anchor(0)), user(anchor(1))));

        assertThat(runner.run().written()).isEqualTo(1);

        SearchResultEntry group = onlyGroupAnchoredTo(id);
        String cn = WriteBackNames.commonName(name, id);
        assertThat(cn).isEqualTo(name + "_" + id.substring(id.length() - 12));
        assertThat(group.getParsedDN()).isEqualTo(new DN(new RDN("cn", cn), new DN(CLOUD_OU)));
        assertThat(group.getAttributeValue("cn")).isEqualTo(cn);
        assertThat(group.getAttributeValue("displayName")).isEqualTo(name);
        assertThat(group.getAttributeValue("description")).isEqualTo("lab staff");
        assertThat(group.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483640);
        assertThat(members(group)).containsExactlyInAnyOrder(dn(userDn("Alice")), dn(userDn("Bob")));
        String guid = AdGuids.toCanonical(group.getAttributeValueBytes("objectGUID"));
        assertThat(store.find(id).orElseThrow().adObjectGuid()).isEqualTo(guid);
        GroupWrittenBack written = (GroupWrittenBack) await().atMost(Duration.ofSeconds(15))
                .until(() -> FEED.announced(id), announced -> !announced.isEmpty()).get(0);
        assertThat(written.outcome()).isEqualTo(GroupWrittenBack.WRITTEN);
        assertThat(written.displayName()).isEqualTo(name);
        assertThat(written.adObjectGuid()).isEqualTo(guid);
        assertThat(new DN(written.distinguishedName())).isEqualTo(group.getParsedDN());
        assertThat(written.membersAdded()).isEqualTo(2);
        assertThat(written.membersRemoved()).isZero();

        // A write that lost what it knew of the AD group (as after a crash right after the add) finds it by its anchor.
        jdbc.sql("UPDATE writeback_group SET ad_object_guid = NULL, handled_version = NULL WHERE group_id = ?").param(id).update();
        FEED.publish(updated(cloudGroup(id, name, "lab and field staff")));
        assertThat(runner.run().written()).isEqualTo(1);

        SearchResultEntry again = onlyGroupAnchoredTo(id);
        assertThat(AdGuids.toCanonical(again.getAttributeValueBytes("objectGUID"))).isEqualTo(guid);
        assertThat(again.getAttributeValue("description")).isEqualTo("lab and field staff");

        // nothing changed in the cloud: nothing to do
        assertThat(runner.run().written()).isZero();
    }

    @Test
    void memberChangesAreWrittenInChunksAsAddsAndDeletes() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Chunked", null)),
                membersAdded(id, user(anchor(0)), user(anchor(1)), user(anchor(2)), user(anchor(3)), user(anchor(4))));
        runner.run();
        assertThat(members(onlyGroupAnchoredTo(id))).hasSize(5);

        FEED.publish(membersRemoved(id, user(anchor(0)), user(anchor(1)), user(anchor(2))), membersAdded(id, user(anchor(5))));
        assertThat(runner.run().written()).isEqualTo(1);

        assertThat(members(onlyGroupAnchoredTo(id)))
                .containsExactlyInAnyOrder(dn(userDn("Dan")), dn(userDn("Erin")), dn(userDn("Frank")));
    }

    @Test
    void aRenameInTheCloudRenamesTheAdGroupAndKeepsItsGuid() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Before", null)), membersAdded(id, user(anchor(0))));
        runner.run();
        SearchResultEntry before = onlyGroupAnchoredTo(id);

        FEED.publish(updated(cloudGroup(id, "After", null)));
        runner.run();

        SearchResultEntry after = onlyGroupAnchoredTo(id);
        assertThat(after.getAttributeValue("cn")).isEqualTo(WriteBackNames.commonName("After", id));
        assertThat(after.getAttributeValue("displayName")).isEqualTo("After");
        assertThat(after.getAttributeValueBytes("objectGUID")).isEqualTo(before.getAttributeValueBytes("objectGUID"));
        assertThat(store.find(id).orElseThrow().adDn()).isEqualTo(after.getDN());
    }

    @Test
    void soaConvertedGroupIsWrittenToTheAdGroupItCameFromWithTheCloudsMembers() throws Exception {
        String childAnchor = addGroup("Converted-Child", GROUPS_OU);
        WriteBackFixtures.synced(connectorSpace, transaction, childAnchor, ObjectType.GROUP,
                "CN=Converted-Child," + GROUPS_OU, "Converted-Child");
        String outsider = userDn("Outsider");
        directory.add(new Entry(outsider, new Attribute("objectClass", "top", "user"), new Attribute("cn", "Outsider")));
        String anchor = addGroup("Converted", GROUPS_OU, userDn("Alice"), "CN=Converted-Child," + GROUPS_OU, outsider);
        WriteBackFixtures.synced(connectorSpace, transaction, anchor, ObjectType.GROUP, "CN=Converted," + GROUPS_OU, "Converted");
        String id = DirectoryIds.fromAnchor(anchor);
        SearchResultEntry original = directory.getEntry("CN=Converted," + GROUPS_OU);

        // synced from AD, mastered by AD: not written
        FEED.publish(created(syncedGroup(anchor, "Converted", false)),
                membersAdded(id, user(anchor(0)), DirectoryObjectRef.group(DirectoryIds.fromAnchor(childAnchor))));
        runner.run();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.OUT_OF_SCOPE);
        assertThat(members(directory.getEntry("CN=Converted," + GROUPS_OU))).hasSize(3);

        // SOA moves to the cloud, then the cloud adds Bob
        FEED.publish(sourceOfAuthority(anchor, "Converted", true), updated(syncedGroup(anchor, "Converted", true)),
                membersAdded(id, user(anchor(1))));
        // the Source of Authority listener (the service's consumer group) got the same event as write-back
        await().atMost(Duration.ofSeconds(15))
                .until(() -> connectorSpace.findByAnchor(anchor).orElseThrow().blockOnPremisesSync());
        assertThat(runner.run().written()).isEqualTo(1);

        SearchResultEntry written = directory.getEntry("CN=Converted," + GROUPS_OU);
        assertThat(written.getAttributeValueBytes("objectGUID")).isEqualTo(original.getAttributeValueBytes("objectGUID"));
        assertThat(written.getAttributeValueBytes("objectSid")).isEqualTo(original.getAttributeValueBytes("objectSid"));
        // Alice and Bob from the cloud; the AD-mastered child stays (never written, never removed); the AD member the
        // cloud does not have is removed
        assertThat(members(written)).containsExactlyInAnyOrder(dn(userDn("Alice")), dn(userDn("Bob")),
                dn("CN=Converted-Child," + GROUPS_OU));
        assertThat(directory.search(BASE_DN, SearchScope.SUB, Filter.createEqualityFilter("cn", "Converted")).getEntryCount())
                .isEqualTo(1);
    }

    @Test
    void aGroupRolledBackToAdAndConvertedAgainIsTakenOverWithoutReportingAdChangesOfThatTimeAsDrift() throws Exception {
        String anchor = addGroup("Round-trip", GROUPS_OU, userDn("Alice"));
        WriteBackFixtures.synced(connectorSpace, transaction, anchor, ObjectType.GROUP, "CN=Round-trip," + GROUPS_OU, "Round-trip");
        String id = DirectoryIds.fromAnchor(anchor);
        FEED.publish(created(syncedGroup(anchor, "Round-trip", false)), membersAdded(id, user(anchor(0))),
                sourceOfAuthority(anchor, "Round-trip", true), updated(syncedGroup(anchor, "Round-trip", true)));
        assertThat(runner.run().written()).isEqualTo(1);

        // rolled back: AD masters the group again and an AD admin adds Carol (no sync cycle brings her to the cloud)
        FEED.publish(sourceOfAuthority(anchor, "Round-trip", false), updated(syncedGroup(anchor, "Round-trip", false)));
        runner.run();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.OUT_OF_SCOPE);
        directory.modify("CN=Round-trip," + GROUPS_OU, new Modification(ModificationType.ADD, "member", userDn("Carol")));

        // converted again, and the cloud adds Bob
        FEED.publish(sourceOfAuthority(anchor, "Round-trip", true), updated(syncedGroup(anchor, "Round-trip", true)),
                membersAdded(id, user(anchor(1))));
        WriteBackRunner.RunResult result = runner.run();

        // a change made while AD was the authority is not drift; the cloud, the authority again, wins
        assertThat(result.held()).isZero();
        assertThat(result.written()).isEqualTo(1);
        assertThat(drifts(id)).isEmpty();
        assertThat(members(directory.getEntry("CN=Round-trip," + GROUPS_OU)))
                .containsExactlyInAnyOrder(dn(userDn("Alice")), dn(userDn("Bob")));
    }

    @Test
    void writtenBackGroupsAreMembersAndAdMasteredGroupsAreNeverAdded() throws Exception {
        String adGroupAnchor = addGroup("Ad-Mastered", GROUPS_OU);
        WriteBackFixtures.synced(connectorSpace, transaction, adGroupAnchor, ObjectType.GROUP,
                "CN=Ad-Mastered," + GROUPS_OU, "Ad-Mastered");
        String parent = UUID.randomUUID().toString();
        String child = UUID.randomUUID().toString();
        String cloudOnlyUser = UUID.randomUUID().toString();
        // whichever of the two the run takes first, the parent ends up listing its child
        FEED.publish(created(cloudGroup(parent, "Parent", null)), created(cloudGroup(child, "Child", null)),
                membersAdded(child, user(anchor(2))),
                membersAdded(parent, DirectoryObjectRef.group(child), user(anchor(0)),
                        DirectoryObjectRef.group(DirectoryIds.fromAnchor(adGroupAnchor)), DirectoryObjectRef.user(cloudOnlyUser)));
        runner.run();

        SearchResultEntry childEntry = onlyGroupAnchoredTo(child);
        assertThat(members(onlyGroupAnchoredTo(parent)))
                .containsExactlyInAnyOrder(dn(userDn("Alice")), dn(childEntry.getDN()));
        assertThat(store.find(parent).orElseThrow().membersSkipped()).isEqualTo(1);
    }

    @Test
    void aChangeMadeDirectlyInAdIsReportedAndHoldsTheGroupUntilResolved() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Drifting", "as written")), membersAdded(id, user(anchor(0))));
        runner.run();
        String groupDn = onlyGroupAnchoredTo(id).getDN();

        directory.modify(groupDn, new Modification(ModificationType.ADD, "member", userDn("Carol")),
                new Modification(ModificationType.REPLACE, "description", "edited in AD"));
        FEED.publish(membersAdded(id, user(anchor(1))));
        WriteBackRunner.RunResult held = runner.run();

        assertThat(held.held()).isEqualTo(1);
        assertThat(members(onlyGroupAnchoredTo(id))).as("not overwritten")
                .containsExactlyInAnyOrder(dn(userDn("Alice")), dn(userDn("Carol")));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.HELD);
        JsonNode report = openDrift(id);
        assertThat(report.get("distinguishedName").asString()).isEqualTo(groupDn);
        assertThat(report.get("membersAddedInAd").valueStream().map(JsonNode::asString).toList())
                .containsExactly(userDn("Carol"));
        assertThat(report.get("membersRemovedInAd").isEmpty()).isTrue();
        assertThat(report.get("changedAttributes").get(0).asString())
                .isEqualTo("description: written \"as written\", in AD \"edited in AD\"");
        assertThat(runner.run().held()).as("still held, not reported twice").isZero();
        assertThat(drifts(id)).hasSize(1);
        WriteBackDriftDetected drift = await().atMost(Duration.ofSeconds(15)).until(() -> FEED.announced(id).stream()
                .filter(WriteBackDriftDetected.class::isInstance).map(WriteBackDriftDetected.class::cast).toList(),
                found -> !found.isEmpty()).get(0);
        assertThat(drift.distinguishedName()).isEqualTo(groupDn);
        assertThat(drift.membersAddedInAd()).containsExactly(userDn("Carol"));
        assertThat(drift.attributesChanged()).containsExactly("description: written \"as written\", in AD \"edited in AD\"");
        assertThat(drift.driftId()).isEqualTo(report.get("id").asString());

        assertThat(getAs(null, "/sync/writeback/drift").getStatus()).isEqualTo(401);
        assertThat(getAs(TestTokens.user(UUID.randomUUID().toString(), "u@corp.example.test", List.of("User.Read"),
                List.of()), "/sync/writeback/drift").getStatus()).isEqualTo(403);
        assertThat(postAs(ADMIN, "/sync/writeback/drift/{id}/resolve", UUID.randomUUID()).getStatus()).isEqualTo(404);
        assertThat(postAs(ADMIN, "/sync/writeback/drift/{id}/resolve", id).getStatus()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(FEED.announced(id))
                .filteredOn(WriteBackDriftResolved.class::isInstance).singleElement()
                .satisfies(resolvedEvent -> {
                    assertThat(((WriteBackDriftResolved) resolvedEvent).displayName()).isEqualTo("Drifting");
                    assertThat(((WriteBackDriftResolved) resolvedEvent).metadata().initiator().userId()).isNotNull();
                }));

        assertThat(runner.run().written()).isEqualTo(1);
        SearchResultEntry resolved = onlyGroupAnchoredTo(id);
        assertThat(members(resolved)).containsExactlyInAnyOrder(dn(userDn("Alice")), dn(userDn("Bob")));
        assertThat(resolved.getAttributeValue("description")).isEqualTo("as written");
        JsonNode after = drifts(id).get(0);
        assertThat(after.get("status").asString()).isEqualTo("Resolved");
        assertThat(after.get("resolvedBy").asString()).isNotBlank();
    }

    @Test
    void aNameWithANulIsRefusedAndRecordedWhileOtherGroupsAreWritten() throws Exception {
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(bad, "bad\0name", null)), created(cloudGroup(good, "good name", null)));

        WriteBackRunner.RunResult result = runner.run();

        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.written()).isEqualTo(1);
        JsonNode state = body(getAs(ADMIN, "/sync/writeback/groups/{id}", bad));
        assertThat(state.get("status").asString()).isEqualTo("Refused");
        assertThat(state.get("lastError").asString()).isEqualTo("displayName contains a NUL character, which AD cannot store");
        assertThat(anchoredTo(bad)).isEmpty();
        assertThat(anchoredTo(good)).hasSize(1);
        assertThat(runner.run().refused()).as("not tried again until the cloud changes it").isZero();

        FEED.publish(updated(cloudGroup(bad, "fixed name", null)));
        assertThat(runner.run().written()).isEqualTo(1);
        assertThat(anchoredTo(bad)).hasSize(1);
    }

    @Test
    void aFailureIsRecordedOnTheGroupAndRetriedAtTheNextRun() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Retried", null)), membersAdded(id, user(anchor(0))));
        SyncProperties.Ldap ldap = syncProperties.ldap();
        SyncProperties adDown = new SyncProperties(new SyncProperties.Ldap("ldap://127.0.0.1:1", ldap.bindDn(),
                ldap.password(), ldap.baseDn(), ldap.pageSize(), Duration.ofSeconds(2), ldap.responseTimeout()),
                syncProperties.scope(), null, syncProperties.schedule(), false, syncProperties.engine());
        WriteBackRunner unreachable = new WriteBackRunner(store, new AdGroupWriter(adDown, properties), properties, ids,
                announcer);

        WriteBackRunner.RunResult failed = unreachable.run();

        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        WriteBackGroup group = store.find(id).orElseThrow();
        assertThat(group.status()).isEqualTo(WriteBackStatus.FAILED);
        assertThat(group.lastError()).containsIgnoringCase("connect");
        assertThat(group.attempts()).isEqualTo(1);
        unreachable.run();
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(2);

        assertThat(runner.run().written()).isGreaterThanOrEqualTo(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.WRITTEN);
        assertThat(members(onlyGroupAnchoredTo(id))).containsExactly(dn(userDn("Alice")));
        // the first failure is announced, its retry is not; then the write
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(FEED.announced(id))
                .map(event -> ((GroupWrittenBack) event).outcome())
                .containsExactly(GroupWrittenBack.FAILED, GroupWrittenBack.WRITTEN));
        assertThat(((GroupWrittenBack) FEED.announced(id).get(0)).reason()).containsIgnoringCase("connect");
    }

    @Test
    void aDeletedCloudGroupsAdGroupIsDeletedAndAConvertedOneIsLeftInAd() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Short-lived", null)));
        runner.run();
        assertThat(anchoredTo(id)).hasSize(1);
        String anchor = addGroup("Converted-Deleted", GROUPS_OU);
        String convertedId = DirectoryIds.fromAnchor(anchor);
        FEED.publish(created(syncedGroup(anchor, "Converted-Deleted", true)));
        runner.run();
        assertThat(store.find(convertedId).orElseThrow().status()).isEqualTo(WriteBackStatus.WRITTEN);

        FEED.publish(deleted(id, "Short-lived", null), deleted(convertedId, "Converted-Deleted", anchor));
        runner.run();

        assertThat(anchoredTo(id)).isEmpty();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.DELETED);
        assertThat(directory.getEntry("CN=Converted-Deleted," + GROUPS_OU)).isNotNull();
        assertThat(store.find(convertedId).orElseThrow().status()).isEqualTo(WriteBackStatus.LEFT_IN_AD);
    }

    @Test
    void mailEnabledGroupsAreNotWrittenBack() throws Exception {
        String id = UUID.randomUUID().toString();
        FEED.publish(created(mailEnabled(id, "Mail group")));
        runner.run();
        assertThat(store.find(id)).as("not a security group: not tracked").isEmpty();
        assertThat(anchoredTo(id)).isEmpty();
    }

    // ---- helpers



    private static String anchor(int index) {
        return USER_ANCHORS.get(index);
    }

    private static String userDn(String cn) {
        return "CN=" + cn + "," + USERS;
    }

    private static String addUser(String cn) throws LDAPException {
        WriteBackFixtures.addAsAd(directory, new Entry(userDn(cn), new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sAMAccountName", cn.toLowerCase())));
        return AdGuids.toCanonical(directory.getEntry(userDn(cn), "objectGUID").getAttributeValueBytes("objectGUID"));
    }

    private static String addGroup(String cn, String ou, String... members) throws LDAPException {
        String dn = "CN=" + cn + "," + ou;
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "top", "group"),
                new Attribute("cn", cn), new Attribute("groupType", "-2147483646")));
        if (members.length > 0) {
            attributes.add(new Attribute("member", members));
        }
        WriteBackFixtures.addAsAd(directory, new Entry(dn, attributes));
        SearchResultEntry entry = directory.getEntry(dn, "objectGUID", "objectSid");
        assertThat(AdSids.toText(entry.getAttributeValueBytes("objectSid"))).startsWith(WriteBackFixtures.DOMAIN_SID);
        return AdGuids.toCanonical(entry.getAttributeValueBytes("objectGUID"));
    }

    private static List<SearchResultEntry> anchoredTo(String groupId) throws LDAPException {
        return directory.search(BASE_DN, SearchScope.SUB,
                Filter.createEqualityFilter(AdGroupWriter.ADMIN_DESCRIPTION, WriteBackNames.anchor(groupId)), "*")
                .getSearchEntries();
    }

    private static SearchResultEntry onlyGroupAnchoredTo(String groupId) throws LDAPException {
        List<SearchResultEntry> found = anchoredTo(groupId);
        assertThat(found).as("AD groups anchored to %s", groupId).hasSize(1);
        return found.get(0);
    }

    private static List<DN> members(Entry group) throws LDAPException {
        List<DN> dns = new ArrayList<>();
        String[] values = group.getAttributeValues("member");
        if (values != null) {
            for (String value : values) {
                dns.add(new DN(value));
            }
        }
        return dns;
    }

    private static DN dn(String dn) throws LDAPException {
        return new DN(dn);
    }

    private JsonNode openDrift(String groupId) throws Exception {
        JsonNode page = body(getAs(ADMIN, "/sync/writeback/drift?status=Open"));
        assertThat(page.get("@odata.context").asString()).endsWith("/sync/$metadata#writebackDrift");
        List<JsonNode> open = page.get("value").valueStream().filter(d -> d.get("groupId").asString().equals(groupId)).toList();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<JsonNode> drifts(String groupId) throws Exception {
        return body(getAs(ADMIN, "/sync/writeback/drift")).get("value").valueStream()
                .filter(d -> d.get("groupId").asString().equals(groupId)).toList();
    }

    private MockHttpServletResponse getAs(String token, String path, Object... variables) throws Exception {
        var request = get(path, variables);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse postAs(String token, String path, Object... variables) throws Exception {
        var request = post(path, variables);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }
}
