package dev.steward.sync.writeback;

import static dev.steward.sync.testing.SambaDomainController.BASE_DN;
import static dev.steward.sync.writeback.WriteBackFixtures.cloudGroup;
import static dev.steward.sync.writeback.WriteBackFixtures.created;
import static dev.steward.sync.writeback.WriteBackFixtures.deleted;
import static dev.steward.sync.writeback.WriteBackFixtures.membersAdded;
import static dev.steward.sync.writeback.WriteBackFixtures.membersRemoved;
import static dev.steward.sync.writeback.WriteBackFixtures.sourceOfAuthority;
import static dev.steward.sync.writeback.WriteBackFixtures.syncedGroup;
import static dev.steward.sync.writeback.WriteBackFixtures.updated;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestKafka;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.ldap.AdSids;
import dev.steward.sync.testing.SambaDomainController;
import dev.steward.sync.testing.SambaSyncService;
import dev.steward.sync.testing.SambaDomainController.SambaIdentity;
import dev.steward.sync.testing.TestServiceTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-back against a real Active Directory (a Samba AD DC, see {@link SambaDomainController}): Samba assigns the
 * objectGUIDs and SIDs, enforces its schema, and keeps member links (and their memberOf back links). The directory's
 * events arrive over Kafka; runs are started by the test. Identities before and after are read with Samba's own
 * {@code ldbsearch}, not through the code under test.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SambaWriteBackIT {

    @RegisterExtension
    static final SambaDomainController SAMBA = new SambaDomainController();

    private static final String USERS = "CN=Users," + BASE_DN;
    private static final String GROUPS_OU = "OU=Groups," + BASE_DN;
    private static final String CLOUD_OU = "OU=Cloud Groups," + BASE_DN;
    private static final String CONVERTED_DN = "CN=Converted," + GROUPS_OU;
    private static final String NESTED_DN = "CN=Nested-AD," + GROUPS_OU;
    private static final List<String> NAMES = List.of("alice", "bob", "carol", "dave");

    private static final WriteBackFeed FEED = new WriteBackFeed(Duration.ofSeconds(60));
    private static boolean synced;

    @Autowired
    WriteBackRunner runner;
    @Autowired
    WriteBackStore store;
    @Autowired
    AdGroupWriter writer;
    @Autowired
    ConnectorSpace connectorSpace;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TestKafka testKafka;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SambaSyncService.register(registry, SAMBA);
        WriteBackFeed.register(registry, CLOUD_OU);
    }

    @BeforeEach
    void connectFeed() {
        FEED.connect(testKafka, store);
    }

    /** Four users, an OU for AD's groups with a group to convert (and a nested AD-mastered group), an OU for new ones. */
    @BeforeAll
    static void seed() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            for (String ou : List.of("Groups", "Cloud Groups")) {
                ldap.add(new Entry("OU=" + ou + "," + BASE_DN, new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", ou)));
            }
            for (String name : NAMES) {
                ldap.add(userEntry(name));
            }
            ldap.add(new Entry(NESTED_DN, new Attribute("objectClass", "top", "group"),
                    new Attribute("sAMAccountName", "Nested-AD"), new Attribute("groupType", "-2147483646")));
            ldap.add(new Entry(CONVERTED_DN, new Attribute("objectClass", "top", "group"),
                    new Attribute("sAMAccountName", "Converted"), new Attribute("groupType", "-2147483646"),
                    new Attribute("member", userDn("alice"), userDn("dave"), NESTED_DN)));
        }
    }

    @AfterAll
    static void closeClient() {
        FEED.close();
        synced = false;
    }

    /** What the sync engine's cycles leave in the connector space for the seeded objects (anchors read from Samba). */
    private void syncSeed() throws LDAPException {
        if (synced) {
            return;
        }
        for (String name : NAMES) {
            WriteBackFixtures.synced(connectorSpace, transaction, guidOf(userDn(name)), ObjectType.USER, userDn(name), name);
        }
        WriteBackFixtures.synced(connectorSpace, transaction, guidOf(NESTED_DN), ObjectType.GROUP, NESTED_DN, "Nested-AD");
        WriteBackFixtures.synced(connectorSpace, transaction, guidOf(CONVERTED_DN), ObjectType.GROUP, CONVERTED_DN, "Converted");
        synced = true;
    }

    @Test
    @Order(1)
    void soaConvertedGroupIsWrittenToTheSameAdGroupKeepingItsObjectGuidAndSid() throws Exception {
        syncSeed();
        SambaIdentity before = SAMBA.identities("Converted").get("Converted");
        String anchor = guidOf(CONVERTED_DN);
        assertThat(anchor).isEqualTo(before.objectGuid().toLowerCase(Locale.ROOT));
        String id = DirectoryIds.fromAnchor(anchor);
        String nestedId = DirectoryIds.fromAnchor(guidOf(NESTED_DN));
        // as synced: Alice, Dave and the nested group; then SOA moves to the cloud, which drops Dave and adds Bob
        FEED.publish(created(syncedGroup(anchor, "Converted", false)),
                membersAdded(id, member("alice"), member("dave"), DirectoryObjectRef.group(nestedId)),
                sourceOfAuthority(anchor, "Converted", true), updated(syncedGroup(anchor, "Converted", true)),
                membersRemoved(id, member("dave")), membersAdded(id, member("bob")));

        WriteBackRunner.RunResult result = runner.run();

        assertThat(result.written()).as(store.find(id).toString()).isEqualTo(1);
        SambaIdentity after = SAMBA.identities("Converted").get("Converted");
        assertThat(after.objectGuid()).isEqualTo(before.objectGuid());
        assertThat(after.objectSid()).isEqualTo(before.objectSid());
        assertThat(new DN(after.distinguishedName())).isEqualTo(new DN(CONVERTED_DN));
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            SearchResultEntry group = ldap.getEntry(CONVERTED_DN, "member", "objectSid");
            assertThat(AdSids.toText(group.getAttributeValueBytes("objectSid"))).isEqualTo(before.objectSid());
            assertThat(dns(group.getAttributeValues("member")))
                    .containsExactlyInAnyOrder(new DN(userDn("alice")), new DN(userDn("bob")), new DN(NESTED_DN));
            // Samba keeps the back link: Bob is a member as far as AD's own checks go
            assertThat(dns(ldap.getEntry(userDn("bob"), "memberOf").getAttributeValues("memberOf")))
                    .contains(new DN(CONVERTED_DN));
        }
    }

    @Test
    @Order(2)
    void cloudGroupIsCreatedInTheOuWithItsCnAnchorAndGroupTypeAndMatchedAgainOnTheNextRun() throws Exception {
        syncSeed();
        String id = UUID.randomUUID().toString();
        String name = "Cloud, R&D +\"West\" \\ <lab>; a=b #1 *(x) with a name longer than fifty-one";
        FEED.publish(created(cloudGroup(id, name, "made in the cloud")), membersAdded(id, member("alice"), member("carol")));

        assertThat(runner.run().written()).as(store.find(id).toString()).isEqualTo(1);

        String anchorAttribute;
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            boolean schemaHasIt = ldap.search(new SearchRequest("CN=Schema,CN=Configuration," + BASE_DN, SearchScope.ONE,
                    Filter.createEqualityFilter("lDAPDisplayName", AdGroupWriter.EXTERNAL_DIRECTORY_OBJECT_ID),
                    "lDAPDisplayName")).getEntryCount() == 1;
            anchorAttribute = writer.anchorAttribute(ldap);
            System.out.printf("Samba's schema %s msDS-ExternalDirectoryObjectId: write-back anchors with %s%n",
                    schemaHasIt ? "has" : "lacks", anchorAttribute);
            assertThat(anchorAttribute).isEqualTo(schemaHasIt ? AdGroupWriter.EXTERNAL_DIRECTORY_OBJECT_ID
                    : AdGroupWriter.ADMIN_DESCRIPTION);

            SearchResultEntry group = onlyAnchored(ldap, anchorAttribute, id);
            String cn = name.substring(0, 51) + "_" + id.substring(id.length() - 12);
            assertThat(group.getParsedDN()).isEqualTo(new DN(new RDN("cn", cn), new DN(CLOUD_OU)));
            assertThat(group.getAttributeValue("cn")).isEqualTo(cn);
            assertThat(group.getAttributeValue("displayName")).isEqualTo(name);
            assertThat(group.getAttributeValue("description")).isEqualTo("made in the cloud");
            assertThat(group.getAttributeValue(anchorAttribute)).isEqualTo("Group_" + id);
            assertThat(group.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483640);
            assertThat(group.getAttributeValue("sAMAccountName")).as("assigned by Samba").isNotBlank();
            assertThat(dns(group.getAttributeValues("member")))
                    .containsExactlyInAnyOrder(new DN(userDn("alice")), new DN(userDn("carol")));
            String guid = AdGuids.toCanonical(group.getAttributeValueBytes("objectGUID"));

            // forget what write-back knew of the AD group: the next write finds it by its anchor, not a second one
            jdbcTemplate.update("UPDATE writeback_group SET ad_object_guid = NULL, handled_version = NULL WHERE group_id = ?", id);
            FEED.publish(updated(cloudGroup(id, name, "still made in the cloud")));
            assertThat(runner.run().written()).isEqualTo(1);
            SearchResultEntry again = onlyAnchored(ldap, anchorAttribute, id);
            assertThat(AdGuids.toCanonical(again.getAttributeValueBytes("objectGUID"))).isEqualTo(guid);
            assertThat(again.getAttributeValue("description")).isEqualTo("still made in the cloud");
        }
    }

    @Test
    @Order(3)
    void memberChangesAndDeletionReachAd() throws Exception {
        syncSeed();
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Members", null)), membersAdded(id, member("alice"), member("bob")));
        runner.run();
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String anchorAttribute = writer.anchorAttribute(ldap);
            String dn = onlyAnchored(ldap, anchorAttribute, id).getDN();

            FEED.publish(membersRemoved(id, member("alice")), membersAdded(id, member("carol"), member("dave")));
            assertThat(runner.run().written()).isEqualTo(1);
            assertThat(dns(ldap.getEntry(dn, "member").getAttributeValues("member")))
                    .containsExactlyInAnyOrder(new DN(userDn("bob")), new DN(userDn("carol")), new DN(userDn("dave")));

            FEED.publish(deleted(id, "Members", null));
            assertThat(runner.run().deleted()).isEqualTo(1);
            assertThat(ldap.getEntry(dn)).isNull();
            assertThat(anchored(ldap, anchorAttribute, id)).isEmpty();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(WriteBackStatus.DELETED);
        }
    }

    @Test
    @Order(4)
    void aMemberAddedDirectlyInAdIsReportedAndNotOverwritten() throws Exception {
        syncSeed();
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "Drift", null)), membersAdded(id, member("alice")));
        runner.run();
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String dn = onlyAnchored(ldap, writer.anchorAttribute(ldap), id).getDN();
            ldap.modify(dn, new Modification(ModificationType.ADD, "member", userDn("dave")));

            FEED.publish(membersAdded(id, member("bob")));
            assertThat(runner.run().held()).isEqualTo(1);

            assertThat(dns(ldap.getEntry(dn, "member").getAttributeValues("member")))
                    .containsExactlyInAnyOrder(new DN(userDn("alice")), new DN(userDn("dave")));
            DriftReport report = store.drifts(true, null, 100).stream().filter(d -> d.groupId().equals(id))
                    .findFirst().orElseThrow();
            assertThat(dns(report.membersAddedInAd().toArray(String[]::new))).containsExactly(new DN(userDn("dave")));
            assertThat(new DN(report.distinguishedName())).isEqualTo(new DN(dn));

            assertThat(store.resolveDrift(id, "test")).isTrue();
            assertThat(runner.run().written()).isEqualTo(1);
            assertThat(dns(ldap.getEntry(dn, "member").getAttributeValues("member")))
                    .containsExactlyInAnyOrder(new DN(userDn("alice")), new DN(userDn("bob")));
        }
    }

    @Test
    @Order(5)
    void aNulInTheNameIsRefusedAndRecordedAndNothingIsCreated() throws Exception {
        syncSeed();
        String id = UUID.randomUUID().toString();
        FEED.publish(created(cloudGroup(id, "nul\0inside", null)));

        assertThat(runner.run().refused()).isEqualTo(1);

        WriteBackGroup group = store.find(id).orElseThrow();
        assertThat(group.status()).isEqualTo(WriteBackStatus.REFUSED);
        assertThat(group.lastError()).contains("NUL");
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            assertThat(anchored(ldap, writer.anchorAttribute(ldap), id)).isEmpty();
        }
    }

    // ---- helpers



    private static Entry userEntry(String name) {
        return new Entry(userDn(name), new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name), new Attribute("userPrincipalName", name + "@corp.example.test"),
                new Attribute("userAccountControl", "514"));
    }

    private static String userDn(String name) {
        return "CN=" + name + "," + USERS;
    }

    private static DirectoryObjectRef member(String name) throws LDAPException {
        return WriteBackFixtures.user(guidOf(userDn(name)));
    }

    private static String guidOf(String dn) throws LDAPException {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            return AdGuids.toCanonical(ldap.getEntry(dn, "objectGUID").getAttributeValueBytes("objectGUID"));
        }
    }

    private static List<SearchResultEntry> anchored(LDAPConnection ldap, String attribute, String groupId)
            throws LDAPException {
        return ldap.search(new SearchRequest(BASE_DN, SearchScope.SUB, Filter.createEqualityFilter(attribute,
                WriteBackNames.anchor(groupId)), "*", "objectGUID")).getSearchEntries();
    }

    private static SearchResultEntry onlyAnchored(LDAPConnection ldap, String attribute, String groupId)
            throws LDAPException {
        List<SearchResultEntry> found = anchored(ldap, attribute, groupId);
        assertThat(found).as("AD groups anchored to %s", groupId).hasSize(1);
        return found.get(0);
    }

    private static List<DN> dns(String[] values) throws LDAPException {
        List<DN> dns = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                dns.add(new DN(value));
            }
        }
        return dns;
    }
}
