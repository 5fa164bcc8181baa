package dev.steward.launcher.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedDirectoryTest {

    private static final String GROUPS = "OU=Groups," + SeedDirectory.BASE_DN;
    private static final String ALICE = "CN=Alice,CN=Users," + SeedDirectory.BASE_DN;
    private static final String BOB = "CN=Bob,CN=Users," + SeedDirectory.BASE_DN;

    @TempDir
    Path temporary;

    private SeedDirectory directory;
    private LDAPConnection connection;

    @BeforeEach
    void start() throws LDAPException {
        directory = SeedDirectory.start(InetAddress.getLoopbackAddress(), 0, temporary.resolve("directory.ldif"));
        connection = new LDAPConnection("127.0.0.1", directory.port(), SeedDirectory.BIND_DN,
                SeedDirectory.BIND_PASSWORD);
    }

    @AfterEach
    void stop() {
        connection.close();
        directory.close();
    }

    @Test
    void answersSearchForSeededGroupsWithTheirAdAttributes() throws LDAPException {
        Map<String, SearchResultEntry> groups = connection.search(GROUPS, SearchScope.ONE, "(objectClass=group)")
                .getSearchEntries().stream()
                .collect(Collectors.toMap(entry -> entry.getAttributeValue("cn"), entry -> entry));

        assertThat(groups).containsOnlyKeys("Engineering", "Engineering-Leads", "Marketing-DL");
        SearchResultEntry engineering = groups.get("Engineering");
        assertThat(engineering.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483646);
        assertThat(engineering.getAttributeValue("managedBy")).isEqualTo(ALICE);
        assertThat(engineering.getAttributeValues("member"))
                .containsExactlyInAnyOrder(BOB, "CN=Engineering-Leads," + GROUPS);
        assertThat(engineering.getAttributeValueBytes("objectGUID")).hasSize(16);
        assertThat(AdIdentifiers.guid(engineering.getAttributeValueBytes("objectGUID")))
                .isEqualTo(UUID.fromString("4c9f6083-2dbe-4b50-8f74-308b5cae0d04"));
        assertThat(AdIdentifiers.sid(engineering.getAttributeValueBytes("objectSid")))
                .isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1104");
        assertThat(engineering.getAttributeValue("sAMAccountName")).isEqualTo("Engineering");

        SearchResultEntry leads = groups.get("Engineering-Leads");
        assertThat(leads.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483646);
        assertThat(leads.getAttributeValue("managedBy")).isEqualTo(ALICE);
        assertThat(leads.getAttributeValues("member")).containsExactly(ALICE);

        SearchResultEntry marketing = groups.get("Marketing-DL");
        assertThat(marketing.getAttributeValueAsInteger("groupType")).isEqualTo(8);
        assertThat(marketing.getAttributeValue("mail")).isEqualTo("marketing@corp.example.test");
        assertThat(marketing.getAttributeValue("managedBy")).isEqualTo(ALICE);
        assertThat(marketing.getAttributeValues("member")).containsExactly(BOB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CN=Admin,CN=Users,             | 1f0c8a52-6d3e-4b7a-9a41-0c5e2d7b8a01 | 1101 | admin@corp.example.test
            CN=Alice,CN=Users,             | 2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02 | 1102 | alice@corp.example.test
            CN=Bob,CN=Users,               | 3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03 | 1103 | bob@corp.example.test
            CN=Engineering,OU=Groups,      | 4c9f6083-2dbe-4b50-8f74-308b5cae0d04 | 1104 |
            CN=Engineering-Leads,OU=Groups,| 5da07194-3ecf-4c61-9085-419c6dbf1e05 | 1105 |
            CN=Marketing-DL,OU=Groups,     | 6eb182a5-4fd0-4d72-a196-52ad7ec02f06 | 1106 |
            CN=Administrator,CN=Users,     | 7fc293b6-50e1-4e83-b2a7-63be8fd13007 | 500  |
            """)
    void seedsEveryObjectWithTheAnchorAndSidOfTheSeedTable(String rdns, String guid, int rid, String upn)
            throws LDAPException {
        SearchResultEntry entry = connection.getEntry(rdns + SeedDirectory.BASE_DN);

        assertThat(entry).as(rdns).isNotNull();
        assertThat(entry.getAttributeValueBytes("objectGUID")).hasSize(16);
        assertThat(AdIdentifiers.guid(entry.getAttributeValueBytes("objectGUID"))).isEqualTo(UUID.fromString(guid));
        assertThat(AdIdentifiers.sid(entry.getAttributeValueBytes("objectSid")))
                .isEqualTo("S-1-5-21-1004336348-1177238915-682003330-" + rid);
        assertThat(entry.getAttributeValue("userPrincipalName")).isEqualTo(upn);
        assertThat(entry.getAttributeValue("distinguishedName")).isEqualTo(entry.getDN());
    }

    @Test
    void answersTheSyncEnginesScopeFiltersWithoutTheCriticalSystemObjects() throws LDAPException {
        String outsideCritical = "(!(isCriticalSystemObject=TRUE))";

        List<SearchResultEntry> users = connection.search(SeedDirectory.BASE_DN, SearchScope.SUB,
                "(&(objectClass=user)(userPrincipalName=*)" + outsideCritical + ")").getSearchEntries();
        List<SearchResultEntry> accounts = connection.search(SeedDirectory.BASE_DN, SearchScope.SUB,
                "(&(objectClass=user)" + outsideCritical + ")").getSearchEntries();
        List<SearchResultEntry> groups = connection.search(SeedDirectory.BASE_DN, SearchScope.SUB,
                "(&(objectClass=group)" + outsideCritical + ")").getSearchEntries();

        assertThat(users).extracting(entry -> entry.getAttributeValue("userPrincipalName"))
                .containsExactlyInAnyOrder("admin@corp.example.test", "alice@corp.example.test", "bob@corp.example.test");
        assertThat(accounts).extracting(entry -> entry.getAttributeValue("cn")).doesNotContain("Administrator");
        assertThat(groups).extracting(entry -> entry.getAttributeValue("cn"))
                .containsExactlyInAnyOrder("Engineering", "Engineering-Leads", "Marketing-DL");
    }

    @Test
    void storesObjectGuidInWindowsByteOrder() throws LDAPException {
        byte[] stored = connection.getEntry("CN=Admin,CN=Users," + SeedDirectory.BASE_DN)
                .getAttributeValueBytes("objectGUID");

        assertThat(stored).startsWith(0x52, 0x8a, 0x0c, 0x1f, 0x3e, 0x6d, 0x7a, 0x4b, 0x9a, 0x41);
    }

    @Test
    void refusesWritesWithoutTheAdministratorBind() throws LDAPException {
        try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThat(anonymous.getEntry("CN=Engineering," + GROUPS)).isNotNull();
            assertThatThrownBy(() -> anonymous.modify("CN=Engineering," + GROUPS,
                    new Modification(ModificationType.REPLACE, "description", "anonymous edit")))
                    .isInstanceOfSatisfying(LDAPException.class, e ->
                            assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", directory.port(), SeedDirectory.BIND_DN, "wrong"))
                .isInstanceOfSatisfying(LDAPException.class, e ->
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }

    @Test
    void advancesUsnChangedOnEveryWriteLikeActiveDirectory() throws LDAPException {
        long before = highestCommittedUsn();

        connection.modify("CN=Engineering," + GROUPS,
                new Modification(ModificationType.REPLACE, "description", "Platform engineering"));

        long after = highestCommittedUsn();
        assertThat(after).isGreaterThan(before);
        List<SearchResultEntry> changed = connection.search(SeedDirectory.BASE_DN, SearchScope.SUB,
                "(uSNChanged>=" + (before + 1) + ")").getSearchEntries();
        assertThat(changed).extracting(SearchResultEntry::getDN).containsExactly("CN=Engineering," + GROUPS);
        assertThat(changed.get(0).getAttributeValueAsLong("uSNChanged")).isEqualTo(after);
    }

    @Test
    void renamesAGroupKeepingItsAnchorAndRecordingTheChange() throws LDAPException {
        long before = highestCommittedUsn();

        connection.modifyDN("CN=Engineering," + GROUPS, "CN=Platform Engineering", true);

        SearchResultEntry renamed = connection.getEntry("CN=Platform Engineering," + GROUPS);
        assertThat(renamed.getAttributeValue("cn")).isEqualTo("Platform Engineering");
        assertThat(renamed.getAttributeValue("distinguishedName")).isEqualTo("CN=Platform Engineering," + GROUPS);
        assertThat(renamed.getAttributeValueAsLong("uSNChanged")).isGreaterThan(before);
        assertThat(AdIdentifiers.guid(renamed.getAttributeValueBytes("objectGUID")))
                .isEqualTo(UUID.fromString("4c9f6083-2dbe-4b50-8f74-308b5cae0d04"));
    }

    @Test
    void keepsMemberReferencesAndTheChangelogUpToDateOnARename() throws LDAPException {
        connection.modifyDN("CN=Engineering-Leads," + GROUPS, "CN=Tech Leads", true);

        assertThat(connection.getEntry("CN=Engineering," + GROUPS).getAttributeValues("member"))
                .containsExactlyInAnyOrder(BOB, "CN=Tech Leads," + GROUPS);
        assertThat(connection.search("cn=changelog", SearchScope.ONE, "(targetDN=CN=Engineering-Leads," + GROUPS + ")")
                .getSearchEntries()).extracting(entry -> entry.getAttributeValue("changeType")).contains("moddn");
    }

    @Test
    void givesANewGroupAnAnchorASidAndAdDefaults() throws LDAPException {
        connection.add("CN=Finance," + GROUPS, new Attribute("objectClass", "top", "group"),
                new Attribute("cn", "Finance"),
                new Attribute("member", ALICE));

        SearchResultEntry finance = connection.getEntry("CN=Finance," + GROUPS);
        assertThat(finance.getAttributeValueBytes("objectGUID")).hasSize(16);
        assertThat(AdIdentifiers.sid(finance.getAttributeValueBytes("objectSid")))
                .isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1107");
        assertThat(finance.getAttributeValue("sAMAccountName")).isEqualTo("Finance");
        assertThat(finance.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483646);
        assertThat(finance.getAttributeValueAsLong("uSNCreated")).isEqualTo(highestCommittedUsn());
    }

    @Test
    void keepsChangesAcrossARestartWhenSaved() throws LDAPException {
        connection.modify("CN=Engineering," + GROUPS,
                new Modification(ModificationType.REPLACE, "displayName", "Engineering (AD)"));
        connection.close();
        directory.close();

        directory = SeedDirectory.start(InetAddress.getLoopbackAddress(), 0, temporary.resolve("directory.ldif"));
        connection = new LDAPConnection("127.0.0.1", directory.port(), SeedDirectory.BIND_DN,
                SeedDirectory.BIND_PASSWORD);

        assertThat(Files.exists(temporary.resolve("directory.ldif"))).isTrue();
        SearchResultEntry engineering = connection.getEntry("CN=Engineering," + GROUPS);
        assertThat(engineering.getAttributeValue("displayName")).isEqualTo("Engineering (AD)");
        assertThat(engineering.getAttributeValueBytes("objectGUID")).hasSize(16);
    }

    private long highestCommittedUsn() throws LDAPException {
        return connection.getEntry("", "highestCommittedUSN").getAttributeValueAsLong("highestCommittedUSN");
    }
}
