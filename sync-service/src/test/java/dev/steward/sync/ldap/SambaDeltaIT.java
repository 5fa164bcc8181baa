package dev.steward.sync.ldap;

import static dev.steward.sync.testing.SambaDomainController.ADMINISTRATOR_DN;
import static dev.steward.sync.testing.SambaDomainController.BASE_DN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ChangeCookies;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.cycle.CycleCounts;
import dev.steward.sync.cycle.PolicyType;
import dev.steward.sync.cycle.SyncCycle;
import dev.steward.sync.cycle.SyncCycleRunner;
import dev.steward.sync.cycle.SyncCycles;
import dev.steward.sync.provisioning.AdDeletions;
import dev.steward.sync.provisioning.SkippedChanges;
import dev.steward.sync.testing.FakeDirectory;
import dev.steward.sync.testing.SambaDomainController;
import dev.steward.sync.testing.SambaSyncService;
import dev.steward.sync.testing.TestServiceTokens;
import dev.steward.sync.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delta imports against a real Active Directory (a Samba AD DC, see {@link SambaDomainController}): DirSync and
 * uSNChanged report exactly the changed objects, tombstones become deletions, a group beyond 1,500 members is read
 * whole through ranged retrieval, LDAPS and StartTLS with the DC's own certificate. Each test makes its own objects.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SambaDeltaIT {

    @RegisterExtension
    static final SambaDomainController SAMBA = new SambaDomainController();

    private static final String SCOPE_FILTER = "(!(isCriticalSystemObject=TRUE))";
    private static final String OU = "OU=Delta," + BASE_DN;
    private static final String CONTACTS = "OU=Contacts," + BASE_DN;
    private static final Initiator ADMIN = Initiator.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin");
    private static final int BIG_GROUP_CONTACTS = 1600;

    private static TopicRecorder recorder;
    private static FakeDirectory directory;

    @Autowired
    SyncCycleRunner runner;
    @Autowired
    SyncCycles cycles;
    @Autowired
    TestKafka testKafka;
    @Autowired
    ConnectorSpace connectorSpace;
    @Autowired
    ChangeCookies cookies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SambaSyncService.register(registry, SAMBA);
    }

    @BeforeAll
    static void seed() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.add(new Entry(OU, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "Delta")));
            ldap.add(new Entry(CONTACTS, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", "Contacts")));
        }
    }

    @AfterAll
    static void close() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
        if (directory != null) {
            directory.close();
            directory = null;
        }
    }

    @Test
    void dirSyncReportsExactlyTheRenamedGroupAndTheMembersAddedAndRemoved() throws Exception {
        LdapConnector connector = connector(LdapConnectorProperties.ChangeTracking.AUTO);
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String carol = addUser(ldap, "ds-carol");
            String dave = addUser(ldap, "ds-dave");
            String renamed = addGroup(ldap, "ds-renamed", List.of());
            String growing = addGroup(ldap, "ds-growing", List.of(carol));
            String shrinking = addGroup(ldap, "ds-shrinking", List.of(carol, dave));
            addGroup(ldap, "ds-untouched", List.of(dave));
            byte[] cookie = connector.dirSyncChanges(null).cookie();

            ldap.modifyDN(renamed, "CN=ds-renamed-2", true);
            ldap.modify(growing, new Modification(ModificationType.ADD, "member", dave));
            ldap.modify(shrinking, new Modification(ModificationType.DELETE, "member", carol));
            LdapConnector.DirSyncResult changes = connector.dirSyncChanges(cookie);

            Map<String, ChangedObject> byName = changes.changed().stream()
                    .collect(Collectors.toMap(c -> rdnValue(c.distinguishedName()), c -> c));
            assertThat(byName).containsOnlyKeys("ds-renamed-2", "ds-growing", "ds-shrinking");
            assertThat(byName.get("ds-growing").addedMembers()).map(SambaDeltaIT::dn).containsExactly(dn(dave));
            assertThat(byName.get("ds-growing").removedMembers()).isEmpty();
            assertThat(byName.get("ds-shrinking").removedMembers()).map(SambaDeltaIT::dn).containsExactly(dn(carol));
            assertThat(byName.get("ds-shrinking").addedMembers()).isEmpty();
            assertThat(byName.values()).noneMatch(ChangedObject::deleted);
            // Nothing changed since: nothing reported.
            assertThat(connector.dirSyncChanges(changes.cookie()).changed()).isEmpty();
        }
    }

    @Test
    void deltaCycleExportsOnlyTheChangedGroupsAndTheirMembershipAsDifferences() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String erin = addUser(ldap, "dc-erin");
            String frank = addUser(ldap, "dc-frank");
            String renamed = addGroup(ldap, "dc-renamed", List.of(erin));
            String growing = addGroup(ldap, "dc-growing", List.of(erin));
            String shrinking = addGroup(ldap, "dc-shrinking", List.of(erin, frank));
            String untouched = addGroup(ldap, "dc-untouched", List.of(frank));
            runCycle(PolicyType.INITIAL);
            SyncCycle settled = runCycle(PolicyType.DELTA);
            assertThat(commandsOf(settled.id())).isEmpty();

            ldap.modifyDN(renamed, "CN=dc-renamed-2", true);
            ldap.modify(growing, new Modification(ModificationType.ADD, "member", frank));
            ldap.modify(shrinking, new Modification(ModificationType.DELETE, "member", erin));
            SyncCycle delta = runCycle(PolicyType.DELTA);

            List<ContractCommand> commands = commandsOf(delta.id());
            String renamedId = cloudId(ldap, "CN=dc-renamed-2," + OU);
            assertThat(commands).filteredOn(SyncGroup.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(SyncGroup.class, group -> {
                        assertThat(group.groupId()).isEqualTo(renamedId);
                        assertThat(group.displayName()).isEqualTo("dc-renamed-2");
                    });
            Map<String, SyncGroupMembership> chunks = commands.stream().filter(SyncGroupMembership.class::isInstance)
                    .map(SyncGroupMembership.class::cast).collect(Collectors.toMap(SyncGroupMembership::groupId, c -> c));
            assertThat(chunks).containsOnlyKeys(cloudId(ldap, growing), cloudId(ldap, shrinking));
            assertThat(chunks.get(cloudId(ldap, growing)).addedMemberIds()).containsExactly(cloudId(ldap, frank));
            assertThat(chunks.get(cloudId(ldap, growing)).removedMemberIds()).isEmpty();
            assertThat(chunks.get(cloudId(ldap, shrinking)).removedMemberIds()).containsExactly(cloudId(ldap, erin));
            assertThat(chunks.get(cloudId(ldap, shrinking)).addedMemberIds()).isEmpty();
            // Only the three changed groups were read and compared; the untouched group and the users were not.
            assertThat(delta.counts().updated()).isEqualTo(3);
            assertThat(delta.counts().unchanged()).isZero();
            assertThat(delta.counts().added()).isZero();
            assertThat(delta.counts().failed()).isZero();
            assertThat(connectorSpace.findByAnchor(anchor(ldap, untouched)).orElseThrow().lastCycleId())
                    .isNotEqualTo(delta.id());
            assertThat(cookies.of(delta.id())).hasValueSatisfying(c -> assertThat(c.mechanism()).isEqualTo("DirSync"));
            assertThat(connectorSpace.exportedMembership(anchor(ldap, shrinking)).memberIds())
                    .containsExactly(cloudId(ldap, frank));
        }
    }

    @Test
    void aGroupAndAUserDeletedInAdComeBackAsTombstonesAndAreDeletedInTheCloud() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String gina = addUser(ldap, "del-gina");
            String group = addGroup(ldap, "del-group", List.of(gina));
            String ginaAnchor = anchor(ldap, gina);
            String groupAnchor = anchor(ldap, group);
            runCycle(PolicyType.DELTA);
            runCycle(PolicyType.DELTA);
            assertThat(connectorSpace.findByAnchor(groupAnchor)).hasValueSatisfying(e -> assertThat(e.everExported()).isTrue());
            byte[] cookie = connector(LdapConnectorProperties.ChangeTracking.AUTO).dirSyncChanges(null).cookie();

            ldap.delete(group);
            ldap.delete(gina);
            LdapConnector.DirSyncResult raw = connector(LdapConnectorProperties.ChangeTracking.AUTO).dirSyncChanges(cookie);
            assertThat(raw.changed()).filteredOn(ChangedObject::deleted).map(ChangedObject::anchor)
                    .containsExactlyInAnyOrder(ginaAnchor, groupAnchor);

            SyncCycle delta = runCycle(PolicyType.DELTA);

            assertThat(logEntries(delta.id())).containsExactlyInAnyOrder(
                    List.of(AdDeletions.ACTION_DELETE, AdDeletions.STATUS_PENDING, ginaAnchor, "user"),
                    List.of(AdDeletions.ACTION_DELETE, AdDeletions.STATUS_PENDING, groupAnchor, "group"));
            assertThat(commandsOf(delta.id())).filteredOn(SyncDeletion.class::isInstance).map(SyncDeletion.class::cast)
                    .extracting(SyncDeletion::anchor, SyncDeletion::objectType, SyncDeletion::objectId)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(ginaAnchor, "user", DirectoryIds.fromAnchor(ginaAnchor)),
                            org.assertj.core.groups.Tuple.tuple(groupAnchor, "group",
                                    DirectoryIds.fromAnchor(groupAnchor)));
            // The directory confirmed both deletions: their entries are gone.
            await().atMost(Duration.ofSeconds(10)).until(() -> connectorSpace.findByAnchor(ginaAnchor).isEmpty()
                    && connectorSpace.findByAnchor(groupAnchor).isEmpty());
            // Recorded once: the next Delta has nothing more to say about them.
            SyncCycle next = runCycle(PolicyType.DELTA);
            assertThat(logEntries(next.id())).isEmpty();
        }
    }

    @Test
    void aGroupWhoseSourceOfAuthorityIsInTheCloudIsNotDeletedWhenDeletedInAd() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String group = addGroup(ldap, "soa-group", List.of());
            String anchor = anchor(ldap, group);
            runCycle(PolicyType.DELTA);
            transaction.executeWithoutResult(status -> {
                connectorSpace.lockOrCreate(anchor, DirectoryIds.fromAnchor(anchor), ObjectType.GROUP, group,
                        "soa-group");
                connectorSpace.changeSourceOfAuthority(anchor, true, Instant.now());
            });

            ldap.delete(group);
            SyncCycle delta = runCycle(PolicyType.DELTA);

            assertThat(delta.counts().skipped()).isEqualTo(1);
            assertThat(logEntries(delta.id())).containsExactly(
                    List.of("Skip", "skipped", anchor, "group"));
            assertThat(jdbc.sql("SELECT event_code FROM provisioning_log WHERE cycle_id = ? AND source_id = ?")
                    .params(delta.id(), anchor).query(Integer.class).single()).isEqualTo(6956);
            assertThat(jdbc.sql("SELECT message_type FROM outbox_message WHERE message_id = ?")
                    .param(SkippedChanges.skipId(delta.id(), anchor).toString()).query(String.class).single())
                    .contains("SyncChangeSkipped");
            ConnectorSpaceEntry entry = connectorSpace.findByAnchor(anchor).orElseThrow();
            assertThat(entry.blockOnPremisesSync()).isTrue();
            assertThat(entry.deletedInAdAt()).isNotNull();
            assertThat(commandsOf(delta.id())).noneMatch(c -> c.key().equals(DirectoryIds.fromAnchor(anchor)));
        }
    }

    @Test
    void deltaCycleReadsAnUnchangedGroupAwaitingTakeoverOrWhoseExportWasRejected() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String rolledBack = addGroup(ldap, "tk-rolled-back", List.of());
            String rejected = addGroup(ldap, "tk-rejected", List.of());
            runCycle(PolicyType.DELTA);
            String rolledBackAnchor = anchor(ldap, rolledBack);
            String rejectedId = cloudId(ldap, rejected);
            directory.rejectNext(SyncGroup.class, rejectedId, "Request_BadRequest");
            ldap.modify(rejected, new Modification(ModificationType.REPLACE, "description", "changed once"));
            SyncCycle refused = runCycle(PolicyType.DELTA);
            assertThat(refused.counts().failed()).isEqualTo(1);
            transaction.executeWithoutResult(status -> {
                connectorSpace.lock(rolledBackAnchor).orElseThrow();
                connectorSpace.changeSourceOfAuthority(rolledBackAnchor, true, Instant.now());
                connectorSpace.changeSourceOfAuthority(rolledBackAnchor, false, Instant.now());
            });

            // Neither changed in AD since: the Delta still reads and exports both.
            SyncCycle delta = runCycle(PolicyType.DELTA);

            assertThat(commandsOf(delta.id())).filteredOn(SyncGroup.class::isInstance).map(ContractCommand::key)
                    .containsExactlyInAnyOrder(DirectoryIds.fromAnchor(rolledBackAnchor), rejectedId);
            assertThat(connectorSpace.findByAnchor(rolledBackAnchor).orElseThrow().pendingTakeover()).isFalse();
            assertThat(runCycle(PolicyType.DELTA).counts()).isEqualTo(CycleCounts.NONE);
        }
    }

    @Test
    void aGroupOfMoreThan1500MembersIsReadWholeThroughRangedRetrieval() throws Exception {
        List<String> contacts = IntStream.range(0, BIG_GROUP_CONTACTS).mapToObj(i -> "CN=big-" + i + "," + CONTACTS).toList();
        addContacts(contacts);
        String big;
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            big = addGroup(ldap, "big-group", List.of());
            for (int from = 0; from < contacts.size(); from += 500) {
                ldap.modify(big, new Modification(ModificationType.ADD, "member",
                        contacts.subList(from, Math.min(contacts.size(), from + 500)).toArray(String[]::new)));
            }
            // Samba hands out ranges as AD does: the first 1,500 values, then the rest.
            SearchResultEntry first = ldap.getEntry(big, "member;range=0-1499");
            assertThat(first.getAttributes()).map(Attribute::getName).containsExactly("member;range=0-1499");
            assertThat(first.getAttributeValues("member;range=0-1499")).hasSize(1500);
        }
        LdapConnector connector = connector(LdapConnectorProperties.ChangeTracking.AUTO);

        DirectoryChanges full = connector.readAll();
        assertThat(full.read().groups()).filteredOn(g -> "big-group".equals(g.samAccountName())).singleElement()
                .satisfies(group -> assertThat(group.members()).map(SambaDeltaIT::dn)
                        .containsExactlyInAnyOrderElementsOf(contacts.stream().map(SambaDeltaIT::dn).toList()));

        // A Delta that reads the changed big group reads its whole membership the same way.
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.modify(big, new Modification(ModificationType.DELETE, "member", contacts.get(7)));
        }
        DirectoryChanges delta = connector.readChanges(full.cookie(), List.of());
        assertThat(delta.fullRead()).isFalse();
        assertThat(delta.read().groups()).singleElement().satisfies(group -> {
            assertThat(group.samAccountName()).isEqualTo("big-group");
            assertThat(group.members()).hasSize(BIG_GROUP_CONTACTS - 1).map(SambaDeltaIT::dn)
                    .doesNotContain(dn(contacts.get(7)));
        });
        assertThat(delta.changed()).singleElement().satisfies(c ->
                assertThat(c.removedMembers()).map(SambaDeltaIT::dn).containsExactly(dn(contacts.get(7))));
    }

    @Test
    void uSNChangedFindsChangesAndTombstonesWhenDirSyncIsNotUsed() throws Exception {
        LdapConnector connector = connector(LdapConnectorProperties.ChangeTracking.USN);
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            String henry = addUser(ldap, "usn-henry");
            String group = addGroup(ldap, "usn-group", List.of());
            String gone = addGroup(ldap, "usn-gone", List.of());
            String goneAnchor = anchor(ldap, gone);
            DirectoryChanges full = connector.readAll();
            assertThat(full.cookie().mechanism()).isEqualTo(ChangeCookie.USN);
            assertThat(full.fullRead()).isTrue();

            ldap.modify(group, new Modification(ModificationType.ADD, "member", henry));
            ldap.delete(gone);
            DirectoryChanges delta = connector.readChanges(full.cookie(), List.of());

            assertThat(delta.fullRead()).isFalse();
            assertThat(delta.read().groups()).map(AdGroup::samAccountName).containsExactly("usn-group");
            assertThat(delta.read().groups().get(0).members()).map(SambaDeltaIT::dn).containsExactly(dn(henry));
            assertThat(delta.deleted()).containsExactly(goneAnchor);
            assertThat(Long.parseLong(delta.cookie().value())).isGreaterThan(Long.parseLong(full.cookie().value()));
            // A cookie of the other mechanism, another scope, or a corrupt one is not used: full read.
            assertThat(connector.readChanges(new ChangeCookie(ChangeCookie.DIRSYNC, connector.source(),
                    Base64.getEncoder().encodeToString(new byte[] {1})), List.of()).fullRead()).isTrue();
            assertThat(connector.readChanges(new ChangeCookie(ChangeCookie.USN, "ldap://elsewhere", "1"), List.of())
                    .fullRead()).isTrue();
            assertThat(connector.readChanges(new ChangeCookie(ChangeCookie.USN, connector.source(), "x"), List.of())
                    .fullRead()).isTrue();
            LdapConnector dirSync = connector(LdapConnectorProperties.ChangeTracking.AUTO);
            assertThat(dirSync.readChanges(new ChangeCookie(ChangeCookie.DIRSYNC, dirSync.source(), "not base64!"),
                    List.of()).fullRead()).isTrue();
        }
    }

    @Test
    void readsOverLdapsAndStartTlsTrustingTheDcsCertificate() throws Exception {
        String ca = SAMBA.tlsCaCertificate().toString();
        LdapConnector ldaps = connector("ldaps://127.0.0.1:636",
                new LdapConnectorProperties(false, ca, false, LdapConnectorProperties.ChangeTracking.AUTO, 1500, 1048576, false));
        LdapConnector startTls = connector(SAMBA.url(),
                new LdapConnectorProperties(true, ca, false, LdapConnectorProperties.ChangeTracking.AUTO, 1500, 1048576, false));

        assertThat(ldaps.read().groups()).isNotEmpty();
        assertThat(startTls.read().groups()).isNotEmpty();
        // (The DC's certificate names DC1.corp.example.test; host name verification is off here because the DC only
        // listens on 127.0.0.1, and UnboundID exempts loopback addresses from it anyway.)
        // A certificate the JVM does not trust is refused.
        LdapConnector untrusting = connector("ldaps://127.0.0.1:636", new LdapConnectorProperties(false, null, false,
                LdapConnectorProperties.ChangeTracking.AUTO, 1500, 1048576, false));
        assertThatThrownBy(untrusting::read).isInstanceOf(DirectoryReadException.class);
    }

    // ---- cycles

    private SyncCycle runCycle(PolicyType policyType) {
        synchronized (SambaDeltaIT.class) {
            if (directory == null) {
                directory = new FakeDirectory(testKafka);
            }
        }
        return SambaSyncService.runCycle(runner, cycles, jdbc, policyType, ADMIN, Duration.ofSeconds(60));
    }

    private List<ContractCommand> commandsOf(String cycleId) {
        synchronized (SambaDeltaIT.class) {
            if (recorder == null) {
                recorder = new TopicRecorder(testKafka.adminConfig(), List.of(Topics.DIRECTORY_COMMANDS));
            }
        }
        recorder.catchUp();
        return recorder.messages(Topics.DIRECTORY_COMMANDS).stream().map(TopicRecorder.Recorded::message)
                .map(ContractCommand.class::cast).filter(c -> cycleId.equals(c.metadata().correlationId())).toList();
    }

    /** The cycle's provisioning log entries as [action, status, source anchor, identity type]. */
    private List<List<String>> logEntries(String cycleId) {
        return jdbc.sql("SELECT log_action, status, source_id, identity_type FROM provisioning_log WHERE cycle_id = ?")
                .param(cycleId).query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    // ---- LDAP

    private static LdapConnector connector(LdapConnectorProperties.ChangeTracking tracking) {
        return connector(SAMBA.url(), new LdapConnectorProperties(false, null, true, tracking, 1500, 1048576, false));
    }

    private static LdapConnector connector(String url, LdapConnectorProperties options) {
        return new LdapConnector(new SyncProperties(
                new SyncProperties.Ldap(url, ADMINISTRATOR_DN, SAMBA.password(), BASE_DN, 200,
                        Duration.ofSeconds(5), Duration.ofSeconds(60)),
                new SyncProperties.Scope(List.of(), List.of(), SCOPE_FILTER),
                null, new SyncProperties.Schedule(Duration.ZERO), false,
                new SyncProperties.Engine("app", "Steward Sync", 5, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2))), options);
    }

    /** A disabled user (Samba takes passwords only over an encrypted connection) in the test OU; its DN. */
    private static String addUser(LDAPConnection ldap, String name) throws LDAPException {
        String dn = new DN(new RDN("CN", name), new DN(OU)).toString();
        ldap.add(new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name), new Attribute("userPrincipalName", name + "@corp.example.test"),
                new Attribute("userAccountControl", "514")));
        return dn;
    }

    /** A global security group in the test OU; its DN. */
    private static String addGroup(LDAPConnection ldap, String name, List<String> members) throws LDAPException {
        String dn = new DN(new RDN("CN", name), new DN(OU)).toString();
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", name), new Attribute("groupType", "-2147483646")));
        if (!members.isEmpty()) {
            attributes.add(new Attribute("member", members));
        }
        ldap.add(new Entry(dn, attributes));
        return dn;
    }

    /** Contacts are the cheapest objects a group can hold: added by 4 connections at once. */
    private static void addContacts(List<String> dns) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    try (LDAPConnection ldap = SAMBA.administratorConnection()) {
                        for (int i = first; i < dns.size(); i += 4) {
                            ldap.add(new Entry(dns.get(i), new Attribute("objectClass", "top", "contact")));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static String anchor(LDAPConnection ldap, String dn) throws LDAPException {
        return AdGuids.toCanonical(ldap.getEntry(dn, "objectGUID").getAttributeValueBytes("objectGUID"));
    }

    private static String cloudId(LDAPConnection ldap, String dn) throws LDAPException {
        return DirectoryIds.fromAnchor(anchor(ldap, dn));
    }

    private static String rdnValue(String dn) {
        try {
            return new DN(dn).getRDN().getAttributeValues()[0];
        } catch (LDAPException e) {
            throw new AssertionError("not a DN: " + dn, e);
        }
    }

    private static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new AssertionError("not a DN: " + dn, e);
        }
    }
}
