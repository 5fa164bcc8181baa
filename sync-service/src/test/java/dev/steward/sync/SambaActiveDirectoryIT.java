package dev.steward.sync;

import static dev.steward.sync.testing.SambaDomainController.ADMINISTRATOR_DN;
import static dev.steward.sync.testing.SambaDomainController.BASE_DN;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.cycle.PolicyType;
import dev.steward.sync.cycle.SyncCycle;
import dev.steward.sync.cycle.SyncCycleRunner;
import dev.steward.sync.cycle.SyncCycles;
import dev.steward.sync.export.ExportPlan;
import dev.steward.sync.export.ExportPlanner;
import dev.steward.sync.export.GroupExport;
import dev.steward.sync.export.Membership;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.ldap.AdGroup;
import dev.steward.sync.ldap.AdUser;
import dev.steward.sync.ldap.DirectoryRead;
import dev.steward.sync.ldap.GroupScope;
import dev.steward.sync.ldap.LdapConnector;
import dev.steward.sync.testing.FakeDirectory;
import dev.steward.sync.testing.SambaDomainController;
import dev.steward.sync.testing.SambaSyncService;
import dev.steward.sync.testing.SambaDomainController.SambaIdentity;
import dev.steward.sync.testing.TopicRecorder;
import dev.steward.sync.testing.TestServiceTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

/**
 * The LDAP connector and sync cycles against a real Active Directory: a Samba AD DC provisioned for this class
 * (see {@link SambaDomainController}; skipped without root, without Samba, or with the AD ports taken). Samba assigns
 * every objectGUID and objectSid: the expected anchors and SIDs are read back from Samba's own tools, so the decoding
 * of both byte layouts is checked against Samba rather than against values the test wrote itself.
 */
@SpringBootTest
@Import(TestServiceTokens.class)
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC)
// The DC is gone after this class: its context must not be cached for another one.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SambaActiveDirectoryIT {

    @RegisterExtension
    static final SambaDomainController SAMBA = new SambaDomainController();

    private static final String DEFAULT_SCOPE_FILTER = "(!(isCriticalSystemObject=TRUE))";
    private static final String USERS = "CN=Users," + BASE_DN;
    private static final String GROUPS_OU = "OU=Groups," + BASE_DN;
    private static final String ALICE_DN = "CN=Alice," + USERS;
    private static final String BOB_DN = "CN=Bob," + USERS;
    private static final String ENGINEERING_DN = "CN=Engineering," + GROUPS_OU;
    private static final String LEADS_DN = "CN=Engineering-Leads," + GROUPS_OU;
    private static final String MARKETING_DN = "CN=Marketing-DL," + GROUPS_OU;
    private static final List<String> SEEDED_USERS = List.of("alice", "bob");
    private static final List<String> SEEDED_GROUPS = List.of("Engineering", "Engineering-Leads", "Marketing-DL");
    private static final Initiator ADMIN = Initiator.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin");

    /** By sAMAccountName: DN, objectGUID and objectSid as Samba prints them. */
    private static Map<String, SambaIdentity> samba;
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
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SambaSyncService.register(registry, SAMBA);
        // Small pages: Samba's paged results control is used for every read.
        registry.add("steward.sync.ldap.page-size", () -> "2");
    }

    /**
     * Two users, a global security group with an owner, a user member and a nested group, and a universal
     * distribution list. The users are created disabled (userAccountControl 514): Samba only takes a password over an
     * encrypted connection, and none is needed. The built-in Administrator gets a UPN, so that only the scope filter
     * keeps it out.
     */
    @BeforeAll
    static void seed() throws Exception {
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.modify(ADMINISTRATOR_DN, new Modification(ModificationType.REPLACE, "userPrincipalName",
                    "administrator@corp.example.test"));
            ldap.add(new Entry(GROUPS_OU, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", "Groups")));
            ldap.add(user(ALICE_DN, "alice", "Alice Example", "alice@corp.example.test"));
            ldap.add(user(BOB_DN, "bob", null, null));
            ldap.add(group(LEADS_DN, "Engineering-Leads", "-2147483646", List.of(
                    new Attribute("member", ALICE_DN))));
            ldap.add(group(ENGINEERING_DN, "Engineering", "-2147483646", List.of(
                    new Attribute("description", "Engineering staff"),
                    new Attribute("managedBy", ALICE_DN),
                    new Attribute("member", BOB_DN, LEADS_DN))));
            ldap.add(group(MARKETING_DN, "Marketing-DL", "8", List.of(
                    new Attribute("mail", "marketing@corp.example.test"),
                    new Attribute("managedBy", ALICE_DN),
                    new Attribute("member", ALICE_DN, BOB_DN))));
        }
        samba = SAMBA.identities("alice", "bob", "Engineering", "Engineering-Leads", "Marketing-DL",
                "Administrator", "Domain Admins", "Administrators");
        assertThat(samba).as("ldbsearch output").hasSize(8).allSatisfy((name, identity) -> {
            assertThat(identity.objectGuid()).as("objectGUID of %s", name).matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
            assertThat(identity.objectSid()).as("objectSid of %s", name).matches("S-1-5(-\\d+)+");
        });
    }

    @AfterAll
    static void closeRecorderAndDirectory() {
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
    void connectorReadsTheSeededObjectsWithTheGuidsSidsAndGroupTypesSambaAssigned() throws Exception {
        DirectoryRead read = connector(DEFAULT_SCOPE_FILTER).read();

        assertThat(read.paged()).isTrue();
        assertThat(read.rejected()).isEmpty();
        assertThat(read.users()).map(AdUser::samAccountName).containsExactlyInAnyOrderElementsOf(SEEDED_USERS);
        assertThat(read.groups()).map(AdGroup::samAccountName).containsExactlyInAnyOrderElementsOf(SEEDED_GROUPS);
        for (AdUser user : read.users()) {
            assertSameAsSamba(user.samAccountName(), user.anchor(), user.securityIdentifier(), user.distinguishedName());
        }
        for (AdGroup group : read.groups()) {
            assertSameAsSamba(group.samAccountName(), group.anchor(), group.securityIdentifier(), group.distinguishedName());
        }

        AdUser alice = user(read, "alice");
        assertThat(alice.userPrincipalName()).isEqualTo("alice@corp.example.test");
        assertThat(alice.displayName()).isEqualTo("Alice Example");
        assertThat(alice.mail()).isEqualTo("alice@corp.example.test");

        AdGroup engineering = group(read, "Engineering");
        assertThat(engineering.groupType().value()).isEqualTo(-2147483646);
        assertThat(engineering.groupType().scope()).isEqualTo(GroupScope.GLOBAL);
        assertThat(engineering.groupType().securityEnabled()).isTrue();
        assertThat(engineering.mailEnabled()).isFalse();
        assertThat(engineering.description()).isEqualTo("Engineering staff");
        assertThat(dn(engineering.managedBy())).isEqualTo(dn(ALICE_DN));
        assertThat(engineering.members()).map(SambaActiveDirectoryIT::dn).containsExactlyInAnyOrder(dn(BOB_DN), dn(LEADS_DN));

        AdGroup marketing = group(read, "Marketing-DL");
        assertThat(marketing.groupType().value()).isEqualTo(8);
        assertThat(marketing.groupType().scope()).isEqualTo(GroupScope.UNIVERSAL);
        assertThat(marketing.groupType().securityEnabled()).isFalse();
        assertThat(marketing.mailEnabled()).isTrue();
        assertThat(marketing.mail()).isEqualTo("marketing@corp.example.test");

        // Owners and members resolved to cloud ids, the nested group included.
        ExportPlan plan = ExportPlanner.plan(read, BASE_DN, SambaDomainController.DOMAIN);
        assertThat(plan.rejected()).isEmpty();
        Map<String, GroupExport> groups = plan.exports().stream().filter(GroupExport.class::isInstance)
                .map(GroupExport.class::cast).collect(Collectors.toMap(GroupExport::samAccountName, Function.identity()));
        assertThat(groups.get("Engineering").ownerIds()).containsExactly(cloudId("alice"));
        assertThat(groups.get("Engineering").memberIds()).containsExactlyInAnyOrder(cloudId("bob"),
                cloudId("Engineering-Leads"));
        assertThat(groups.get("Engineering-Leads").memberIds()).containsExactly(cloudId("alice"));
        assertThat(groups.get("Marketing-DL").memberIds()).containsExactlyInAnyOrder(cloudId("alice"), cloudId("bob"));
    }

    @Test
    void sambasBuiltInObjectsAreReadWithoutAScopeFilterAndLeftOutByTheDefaultOne() throws Exception {
        DirectoryRead unscoped = connector("").read();

        assertThat(unscoped.users()).map(AdUser::samAccountName).contains("Administrator", "alice", "bob");
        assertThat(unscoped.groups()).map(AdGroup::samAccountName)
                .contains("Domain Admins", "Domain Users", "Administrators", "Engineering");
        AdUser administrator = user(unscoped, "Administrator");
        assertSameAsSamba("Administrator", administrator.anchor(), administrator.securityIdentifier(),
                administrator.distinguishedName());
        assertThat(administrator.securityIdentifier()).endsWith("-500");
        AdGroup domainAdmins = group(unscoped, "Domain Admins");
        assertSameAsSamba("Domain Admins", domainAdmins.anchor(), domainAdmins.securityIdentifier(),
                domainAdmins.distinguishedName());
        assertThat(domainAdmins.securityIdentifier()).endsWith("-512");
        // A built-in local group: BUILTIN domain SID and the 0x1 | 0x4 | 0x80000000 groupType.
        AdGroup administrators = group(unscoped, "Administrators");
        assertSameAsSamba("Administrators", administrators.anchor(), administrators.securityIdentifier(),
                administrators.distinguishedName());
        assertThat(administrators.securityIdentifier()).isEqualTo("S-1-5-32-544");
        assertThat(administrators.groupType().builtIn()).isTrue();
        assertThat(administrators.groupType().scope()).isEqualTo(GroupScope.DOMAIN_LOCAL);
        assertThat(administrators.groupType().securityEnabled()).isTrue();

        DirectoryRead scoped = connector(DEFAULT_SCOPE_FILTER).read();
        assertThat(Stream.concat(scoped.users().stream().map(AdUser::samAccountName),
                scoped.groups().stream().map(AdGroup::samAccountName)))
                .containsExactlyInAnyOrderElementsOf(seededNames());
    }

    @Test
    void initialCycleAgainstSambaExportsExactlyTheSeededUsersAndGroups() {
        SyncCycle cycle = runCycle(PolicyType.INITIAL);

        assertThat(cycle.counts().failed()).isZero();
        assertThat(cycle.counts().added() + cycle.counts().updated() + cycle.counts().unchanged()).isEqualTo(5);
        List<ContractCommand> commands = commandsOf(cycle.id());
        Map<String, ContractCommand> byKey = commands.stream().filter(c -> !(c instanceof SyncGroupMembership))
                .collect(Collectors.toMap(ContractCommand::key, Function.identity()));
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(
                seededNames().stream().map(SambaActiveDirectoryIT::cloudId).toList());

        SyncUser alice = (SyncUser) byKey.get(cloudId("alice"));
        assertThat(alice.anchor()).isEqualTo(anchor("alice"));
        assertThat(alice.userPrincipalName()).isEqualTo("alice@corp.example.test");
        assertThat(alice.displayName()).isEqualTo("Alice Example");
        assertThat(alice.mail()).isEqualTo("alice@corp.example.test");
        assertThat(alice.onPremisesSecurityIdentifier()).isEqualTo(samba.get("alice").objectSid());
        assertThat(alice.onPremisesSamAccountName()).isEqualTo("alice");
        assertThat(dn(alice.onPremisesDistinguishedName())).isEqualTo(dn(ALICE_DN));
        SyncUser bob = (SyncUser) byKey.get(cloudId("bob"));
        assertThat(bob.displayName()).isEqualTo("Bob");
        assertThat(bob.mail()).isNull();
        assertThat(bob.onPremisesSecurityIdentifier()).isEqualTo(samba.get("bob").objectSid());

        SyncGroup engineering = (SyncGroup) byKey.get(cloudId("Engineering"));
        assertThat(engineering.anchor()).isEqualTo(anchor("Engineering"));
        assertThat(engineering.displayName()).isEqualTo("Engineering");
        assertThat(engineering.description()).isEqualTo("Engineering staff");
        assertThat(engineering.mailNickname()).isEqualTo("Engineering");
        assertThat(engineering.securityEnabled()).isTrue();
        assertThat(engineering.mailEnabled()).isFalse();
        assertThat(engineering.groupTypes()).isEmpty();
        assertThat(engineering.onPremisesSecurityIdentifier()).isEqualTo(samba.get("Engineering").objectSid())
                .startsWith("S-1-5-21-");
        assertThat(engineering.onPremisesSamAccountName()).isEqualTo("Engineering");
        assertThat(engineering.onPremisesDomainName()).isEqualTo("corp.example.test");
        assertThat(engineering.onPremisesNetBiosName()).isEqualTo("CORP");
        assertThat(dn(engineering.onPremisesDistinguishedName())).isEqualTo(dn(ENGINEERING_DN));

        SyncGroup leads = (SyncGroup) byKey.get(cloudId("Engineering-Leads"));
        assertThat(leads.metadata().issuedAt()).isBeforeOrEqualTo(engineering.metadata().issuedAt());

        SyncGroup marketing = (SyncGroup) byKey.get(cloudId("Marketing-DL"));
        assertThat(marketing.mailEnabled()).isTrue();
        assertThat(marketing.securityEnabled()).isFalse();
        assertThat(marketing.mail()).isEqualTo("marketing@corp.example.test");
        assertThat(marketing.onPremisesSecurityIdentifier()).isEqualTo(samba.get("Marketing-DL").objectSid());

        // Owners and members as SyncGroupMembership differences (in this cycle or an earlier one), confirmed by the
        // directory, the nested group included.
        assertThat(membershipSent("Engineering")).isEqualTo(new Membership(
                List.of(cloudId("bob"), cloudId("Engineering-Leads")), List.of(cloudId("alice"))));
        assertThat(membershipSent("Engineering-Leads")).isEqualTo(new Membership(List.of(cloudId("alice")), List.of()));
        assertThat(membershipSent("Marketing-DL")).isEqualTo(new Membership(
                List.of(cloudId("alice"), cloudId("bob")), List.of(cloudId("alice"))));
        for (String group : SEEDED_GROUPS) {
            assertThat(connectorSpace.exportedMembership(anchor(group))).isEqualTo(membershipSent(group));
        }
    }

    @Test
    void deltaCycleExportsAGroupRenamedInSambaUnderTheSameId() throws Exception {
        runCycle(PolicyType.DELTA); // settle whatever earlier tests left
        String renamedDn = "CN=Platform-Leads," + GROUPS_OU;
        try (LDAPConnection ldap = SAMBA.administratorConnection()) {
            ldap.modifyDN(LEADS_DN, "CN=Platform-Leads", true);
            try {
                SyncCycle cycle = runCycle(PolicyType.DELTA);

                // Only the renamed group's values: Engineering's member value changed in AD, but it still names the
                // same object, so no membership command either.
                assertThat(commandsOf(cycle.id())).singleElement().isInstanceOfSatisfying(SyncGroup.class, group -> {
                    assertThat(group.groupId()).isEqualTo(cloudId("Engineering-Leads"));
                    assertThat(group.anchor()).isEqualTo(anchor("Engineering-Leads"));
                    assertThat(group.displayName()).isEqualTo("Platform-Leads");
                    assertThat(dn(group.onPremisesDistinguishedName())).isEqualTo(dn(renamedDn));
                    assertThat(group.onPremisesSamAccountName()).isEqualTo("Engineering-Leads");
                });
                assertThat(cycle.counts().updated()).isEqualTo(1);
                assertThat(cycle.counts().added()).isZero();
                // DirSync reports only the renamed group: the other four objects are not even read.
                assertThat(cycle.counts().unchanged()).isZero();
                assertThat(cycle.counts().failed()).isZero();
            } finally {
                ldap.modifyDN(renamedDn, "CN=Engineering-Leads", true);
            }
        }
    }

    // ---- cycles

    /** Runs a cycle, and waits until the directory's results of its exports have been handled. */
    private SyncCycle runCycle(PolicyType policyType) {
        synchronized (SambaActiveDirectoryIT.class) {
            if (directory == null) {
                directory = new FakeDirectory(testKafka);
            }
        }
        return SambaSyncService.runCycle(runner, cycles, jdbc, policyType, ADMIN, Duration.ofSeconds(30));
    }

    /** The commands topic, caught up. */
    private TopicRecorder recorder() {
        synchronized (SambaActiveDirectoryIT.class) {
            if (recorder == null) {
                recorder = new TopicRecorder(testKafka.adminConfig(), List.of(Topics.DIRECTORY_COMMANDS));
            }
        }
        recorder.catchUp();
        return recorder;
    }

    /** Every SyncGroupMembership sent for the group so far, applied in order. */
    private Membership membershipSent(String samAccountName) {
        Membership membership = Membership.NONE;
        for (TopicRecorder.Recorded recorded : recorder().messages(Topics.DIRECTORY_COMMANDS)) {
            if (recorded.message() instanceof SyncGroupMembership chunk && chunk.groupId().equals(cloudId(samAccountName))) {
                membership = membership.apply(new MembershipChange(chunk.addedMemberIds(), chunk.removedMemberIds(),
                        chunk.addedOwnerIds(), chunk.removedOwnerIds()));
            }
        }
        return membership;
    }

    /** The export commands of one cycle (their correlation id is the cycle id). */
    private List<ContractCommand> commandsOf(String cycleId) {
        return recorder().messages(Topics.DIRECTORY_COMMANDS).stream()
                .map(TopicRecorder.Recorded::message)
                .map(ContractCommand.class::cast)
                .filter(c -> cycleId.equals(c.metadata().correlationId()))
                .toList();
    }

    // ---- LDAP

    private static LdapConnector connector(String scopeFilter) {
        return new LdapConnector(new SyncProperties(
                new SyncProperties.Ldap(SAMBA.url(), ADMINISTRATOR_DN, SAMBA.password(), BASE_DN, 2,
                        Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new SyncProperties.Scope(List.of(), List.of(), scopeFilter),
                null, new SyncProperties.Schedule(Duration.ZERO), false,
                new SyncProperties.Engine("app", "Steward Sync", 5, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2))));
    }

    private static Entry user(String dn, String samAccountName, String displayName, String mail) {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", samAccountName),
                new Attribute("userPrincipalName", samAccountName + "@corp.example.test"),
                new Attribute("userAccountControl", "514")));
        if (displayName != null) {
            attributes.add(new Attribute("displayName", displayName));
        }
        if (mail != null) {
            attributes.add(new Attribute("mail", mail));
        }
        return new Entry(dn, attributes);
    }

    private static Entry group(String dn, String samAccountName, String groupType, List<Attribute> more) {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", samAccountName),
                new Attribute("groupType", groupType)));
        attributes.addAll(more);
        return new Entry(dn, attributes);
    }

    /** What the connector decoded is what Samba prints: GUID text in Windows' order, SID as S-1-5-... */
    private static void assertSameAsSamba(String samAccountName, String anchor, String sid, String dn) {
        SambaIdentity identity = samba.get(samAccountName);
        assertThat(anchor).as("objectGUID of %s", samAccountName).isEqualTo(identity.objectGuid().toLowerCase(Locale.ROOT));
        assertThat(sid).as("objectSid of %s", samAccountName).isEqualTo(identity.objectSid()).startsWith("S-1-5-");
        assertThat(dn(dn)).as("DN of %s", samAccountName).isEqualTo(dn(identity.distinguishedName()));
    }

    private static List<String> seededNames() {
        return Stream.concat(SEEDED_USERS.stream(), SEEDED_GROUPS.stream()).toList();
    }

    private static String anchor(String samAccountName) {
        return samba.get(samAccountName).objectGuid().toLowerCase(Locale.ROOT);
    }

    private static String cloudId(String samAccountName) {
        return DirectoryIds.fromAnchor(anchor(samAccountName));
    }

    private static AdUser user(DirectoryRead read, String samAccountName) {
        return read.users().stream().filter(u -> samAccountName.equals(u.samAccountName())).findFirst().orElseThrow();
    }

    private static AdGroup group(DirectoryRead read, String samAccountName) {
        return read.groups().stream().filter(g -> samAccountName.equals(g.samAccountName())).findFirst().orElseThrow();
    }

    private static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new AssertionError("not a DN: " + dn, e);
        }
    }
}
