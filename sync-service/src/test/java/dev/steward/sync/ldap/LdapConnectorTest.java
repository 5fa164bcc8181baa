package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.steward.sync.config.SyncProperties;
import dev.steward.sync.testing.TestDirectory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LdapConnectorTest {

    @Test
    void readsUsersWithAUpnAndGroupsPageByPage() {
        DirectoryRead read = new LdapConnector(properties(TestDirectory.PASSWORD, List.of(), List.of(), null)).read();

        assertThat(read.paged()).isTrue();
        assertThat(read.users()).map(AdUser::userPrincipalName).containsExactlyInAnyOrder(
                "admin@corp.example.test", "alice@corp.example.test", "bob@corp.example.test");
        assertThat(read.groups()).map(AdGroup::commonName)
                .containsExactlyInAnyOrder("Engineering", "Engineering-Leads", "Marketing-DL");
        assertThat(read.users()).filteredOn(u -> u.samAccountName().equals("alice")).singleElement().satisfies(alice -> {
            assertThat(alice.anchor()).isEqualTo(TestDirectory.ALICE_GUID);
            assertThat(alice.securityIdentifier()).isEqualTo(TestDirectory.DOMAIN_SID + "-1102");
            assertThat(alice.distinguishedName()).isEqualTo("CN=Alice,CN=Users," + TestDirectory.BASE_DN);
        });
        assertThat(read.groups()).filteredOn(g -> g.commonName().equals("Engineering")).singleElement()
                .satisfies(engineering -> {
                    assertThat(engineering.anchor()).isEqualTo(TestDirectory.ENGINEERING_GUID);
                    assertThat(engineering.groupType().securityEnabled()).isTrue();
                    assertThat(engineering.members()).hasSize(2);
                });
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void leavesOutAGroupThatWriteBackCreatedForACloudGroup() throws Exception {
        String dn = "CN=Cloud Team_0123456789ab," + TestDirectory.GROUPS_OU;
        TestDirectory.server().add(new Entry(dn,
                new Attribute("objectClass", "top", "group"),
                new Attribute("objectGUID", AdGuids.toBytes(UUID.randomUUID().toString())),
                new Attribute("sAMAccountName", "CloudTeam"),
                new Attribute("groupType", "-2147483640"),
                new Attribute("adminDescription", "Group_4f0c2a8e-0000-4000-8000-0123456789ab")));
        try {
            DirectoryRead read = new LdapConnector(properties(TestDirectory.PASSWORD, List.of(), List.of(), null)).read();

            assertThat(read.groups()).map(AdGroup::distinguishedName).doesNotContain(dn).hasSize(3);
            assertThat(read.rejected()).isEmpty();
        } finally {
            TestDirectory.server().delete(dn);
        }
    }

    @Test
    void readsOnlyTheConfiguredSearchBasesAndFilter() {
        DirectoryRead read = new LdapConnector(properties(TestDirectory.PASSWORD, List.of(TestDirectory.USERS_CN),
                List.of(TestDirectory.GROUPS_OU), "(!(cn=Bob))")).read();

        assertThat(read.users()).map(AdUser::commonName).containsExactlyInAnyOrder("Admin", "Alice");
        assertThat(read.groups()).hasSize(3);
    }

    @Test
    void withoutDirSyncOrHighestCommittedUsnADeltaIsAFullReadWithoutCookie() {
        LdapConnector connector = new LdapConnector(properties(TestDirectory.PASSWORD, List.of(), List.of(), null));

        DirectoryChanges initial = connector.readAll();
        DirectoryChanges delta = connector.readChanges(new ChangeCookie(ChangeCookie.USN, connector.source(), "5"),
                List.of());

        for (DirectoryChanges changes : List.of(initial, delta)) {
            assertThat(changes.fullRead()).isTrue();
            assertThat(changes.cookie()).isNull();
            assertThat(changes.read().groups()).hasSize(3);
            assertThat(changes.deleted()).isEmpty();
        }
    }

    @Test
    void changeTrackingThatTheServerDoesNotOfferFailsTheRead() {
        LdapConnector connector = new LdapConnector(properties(TestDirectory.PASSWORD, List.of(), List.of(), null),
                new LdapConnectorProperties(false, null, true, LdapConnectorProperties.ChangeTracking.DIRSYNC, 1500,
                        1048576, false));

        assertThatThrownBy(() -> connector.readChanges(null, List.of())).isInstanceOf(DirectoryReadException.class)
                .hasMessageContaining("DirSync");
    }

    @Test
    void startTlsWithAnLdapsUrlIsRefusedAtStart() {
        SyncProperties ldaps = new SyncProperties(
                new SyncProperties.Ldap("ldaps://127.0.0.1:636", null, null, TestDirectory.BASE_DN, 2,
                        Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new SyncProperties.Scope(List.of(), List.of(), null), null, new SyncProperties.Schedule(Duration.ZERO),
                false, new SyncProperties.Engine("app", "Steward Sync", 5, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2)));

        assertThatIllegalStateException().isThrownBy(() -> new LdapConnector(ldaps,
                new LdapConnectorProperties(true, null, true, null, 1500, 1048576, false)));
    }

    @Test
    void aWrongPasswordFailsTheRead() {
        LdapConnector connector = new LdapConnector(properties("wrong", List.of(), List.of(), null));

        assertThatThrownBy(connector::read).isInstanceOf(DirectoryReadException.class)
                .hasMessageContaining("invalid credentials");
    }

    @Test
    void aSearchBaseThatDoesNotExistFailsTheRead() {
        LdapConnector connector = new LdapConnector(properties(TestDirectory.PASSWORD,
                List.of("OU=Nowhere," + TestDirectory.BASE_DN), List.of(), null));

        assertThatThrownBy(connector::read).isInstanceOf(DirectoryReadException.class);
    }

    @Test
    void aScopeFilterThatIsNotLdapIsRefusedAtStart() {
        assertThatIllegalStateException().isThrownBy(() ->
                new LdapConnector(properties(TestDirectory.PASSWORD, List.of(), List.of(), "(cn=")));
    }

    private static SyncProperties properties(String password, List<String> userBases, List<String> groupBases,
                                             String filter) {
        return new SyncProperties(
                new SyncProperties.Ldap(TestDirectory.url(), TestDirectory.BIND_DN, password, TestDirectory.BASE_DN, 2,
                        Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new SyncProperties.Scope(userBases, groupBases, filter == null ? "(!(isCriticalSystemObject=TRUE))" : filter),
                null, new SyncProperties.Schedule(Duration.ZERO), false,
                new SyncProperties.Engine("app", "Steward Sync", 5, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2)));
    }
}
