package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.Test;

class AdEntryMapperTest {

    private static final String GUID = "6eb182a5-4fd0-4d72-a196-52ad7ec02f06";

    @Test
    void readsAMailEnabledDistributionGroup() {
        Entry entry = new Entry("CN=Marketing-DL,OU=Groups,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("objectSid", AdSids.toBytes("S-1-5-21-1-2-3-1106")),
                new Attribute("cn", "Marketing-DL"),
                new Attribute("sAMAccountName", "Marketing-DL"),
                new Attribute("groupType", "8"),
                new Attribute("mail", "marketing@corp.example.test"),
                new Attribute("managedBy", "CN=Alice,CN=Users,DC=corp,DC=example,DC=test"),
                new Attribute("member", "CN=Bob,CN=Users,DC=corp,DC=example,DC=test"));

        AdGroup group = AdEntryMapper.group(entry);

        assertThat(group.anchor()).isEqualTo(GUID);
        assertThat(group.securityIdentifier()).isEqualTo("S-1-5-21-1-2-3-1106");
        assertThat(group.mailEnabled()).isTrue();
        assertThat(group.groupType().securityEnabled()).isFalse();
        assertThat(group.groupType().scope()).isEqualTo(GroupScope.UNIVERSAL);
        assertThat(group.managedBy()).isEqualTo("CN=Alice,CN=Users,DC=corp,DC=example,DC=test");
        assertThat(group.members()).containsExactly("CN=Bob,CN=Users,DC=corp,DC=example,DC=test");
        assertThat(group.distinguishedName()).isEqualTo("CN=Marketing-DL,OU=Groups,DC=corp,DC=example,DC=test");
    }

    @Test
    void groupWithoutMailIsNotMailEnabledAndWithoutGroupTypeIsGlobalSecurity() {
        AdGroup group = AdEntryMapper.group(new Entry("CN=G,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)), new Attribute("cn", "G")));

        assertThat(group.mailEnabled()).isFalse();
        assertThat(group.groupType().securityEnabled()).isTrue();
        assertThat(group.groupType().scope()).isEqualTo(GroupScope.GLOBAL);
        assertThat(group.securityIdentifier()).isNull();
    }

    @Test
    void readsTheExtensionAttributesOfAGroup() {
        AdGroup group = AdEntryMapper.group(new Entry("CN=G,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)), new Attribute("cn", "G"),
                new Attribute("extensionAttribute1", "CC-4711"), new Attribute("extensionAttribute3", " Munich "),
                new Attribute("extensionAttribute15", "last")));

        assertThat(group.extensionAttributes().extensionAttribute1()).isEqualTo("CC-4711");
        assertThat(group.extensionAttributes().extensionAttribute2()).isNull();
        assertThat(group.extensionAttributes().extensionAttribute3()).isEqualTo("Munich");
        assertThat(group.extensionAttributes().extensionAttribute15()).isEqualTo("last");
        assertThat(AdEntryMapper.GROUP_ATTRIBUTES).contains("member", "extensionAttribute1", "extensionAttribute15");
    }

    @Test
    void readsTheExtensionAttributesOfAUser() {
        AdUser user = AdEntryMapper.user(new Entry("CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("userPrincipalName", "alice@corp.example.test"),
                new Attribute("extensionAttribute2", "CC-4711"), new Attribute("extensionAttribute14", " Munich ")));

        assertThat(user.extensionAttributes().extensionAttribute2()).isEqualTo("CC-4711");
        assertThat(user.extensionAttributes().extensionAttribute14()).isEqualTo("Munich");
        assertThat(user.extensionAttributes().extensionAttribute1()).isNull();
        assertThat(AdEntryMapper.USER_ATTRIBUTES).contains("userPrincipalName", "extensionAttribute1",
                "extensionAttribute15");
    }

    @Test
    void readsTheLicencesOfAUserFromTheConfiguredAttributeSplittingValuesAndSkippingWhatIsNoGuid() {
        Entry entry = new Entry("CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("userPrincipalName", "alice@corp.example.test"),
                new Attribute("carLicense", "078D2B04-F1BD-4111-BBD4-B4B1B354CEF4",
                        " 84a661c4-e949-4bd2-a560-ed7766fcaf2b;6fd2c87f-b296-42f0-b197-1e91e994b900, P1 ",
                        "078d2b04-f1bd-4111-bbd4-b4b1b354cef4"));

        AdLicences licences = AdEntryMapper.user(entry, "carLicense").licences();

        assertThat(licences.skuIds()).containsExactly("078d2b04-f1bd-4111-bbd4-b4b1b354cef4",
                "6fd2c87f-b296-42f0-b197-1e91e994b900", "84a661c4-e949-4bd2-a560-ed7766fcaf2b");
        assertThat(licences.invalid()).containsExactly("P1");
        assertThat(AdEntryMapper.user(entry, "msDS-cloudExtensionAttribute1").licences()).isEqualTo(AdLicences.NONE);
        assertThat(AdEntryMapper.user(entry).licences()).as("not configured: not read").isNull();
    }

    @Test
    void refusesAUserWithAnExtensionAttributeLongerThanAdAllows() {
        Entry entry = new Entry("CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("userPrincipalName", "alice@corp.example.test"),
                new Attribute("extensionAttribute5", "x".repeat(1025)));

        assertThatIllegalArgumentException().isThrownBy(() -> AdEntryMapper.user(entry))
                .withMessage("extensionAttribute5 is longer than 1024 characters");
    }

    @Test
    void refusesAGroupWithAnExtensionAttributeLongerThanAdAllows() {
        Entry entry = new Entry("CN=G,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("extensionAttribute9", "x".repeat(1025)));

        assertThatIllegalArgumentException().isThrownBy(() -> AdEntryMapper.group(entry))
                .withMessage("extensionAttribute9 is longer than 1024 characters");
    }

    @Test
    void refusesAGroupWhoseMembersCameInRanges() {
        Entry entry = new Entry("CN=Big,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes(GUID)),
                new Attribute("member;range=0-1499", "CN=A,DC=corp,DC=example,DC=test"));

        assertThatIllegalArgumentException().isThrownBy(() -> AdEntryMapper.group(entry))
                .withMessageContaining("ranges");
    }

    @Test
    void refusesAnEntryWithoutObjectGuid() {
        Entry entry = new Entry("CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("userPrincipalName", "alice@corp.example.test"));

        assertThatIllegalArgumentException().isThrownBy(() -> AdEntryMapper.user(entry))
                .withMessageContaining("objectGUID");
    }

    @Test
    void refusesAnObjectGuidOfTheWrongLength() {
        Entry entry = new Entry("CN=Alice,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", new byte[] {1, 2, 3}),
                new Attribute("userPrincipalName", "alice@corp.example.test"));

        assertThatIllegalArgumentException().isThrownBy(() -> AdEntryMapper.user(entry));
    }
}
