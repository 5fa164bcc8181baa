package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberRangeTest {

    @Test
    void readsTheRangeOptionOfAnAttribute() {
        assertThat(MemberRange.of(new Attribute("member;range=0-1499", "CN=A"))).contains(new MemberRange(0, 1499));
        assertThat(MemberRange.of(new Attribute("member;Range=1500-*", "CN=A"))).hasValueSatisfying(range -> {
            assertThat(range.low()).isEqualTo(1500);
            assertThat(range.last()).isTrue();
        });
        assertThat(MemberRange.of(new Attribute("member", "CN=A"))).isEmpty();
    }

    @Test
    void refusesMalformedRanges() {
        for (String text : List.of("", "-", "5", "5-", "-5", "a-b", "10-2", "1-x", "-1-3")) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> MemberRange.parse(text));
        }
    }

    @Test
    void asksForTheNextRangeOfTheConfiguredSize() {
        assertThat(MemberRange.request("member", 0, 1500)).isEqualTo("member;range=0-1499");
        assertThat(MemberRange.request("member", 1500, 1500)).isEqualTo("member;range=1500-2999");
        assertThat(MemberRange.request("member", 7, 1)).isEqualTo("member;range=7-7");
    }

    @Test
    void dirSyncIncrementalValuesGiveMembersAddedAndRemoved() {
        Entry entry = new Entry("CN=G,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes("4c9f6083-2dbe-4b50-8f74-308b5cae0d04")),
                new Attribute("member;range=1-1", "CN=New,DC=corp,DC=example,DC=test"),
                new Attribute("member;range=0-0", "CN=Gone,DC=corp,DC=example,DC=test", "CN=Old,DC=corp,DC=example,DC=test"));

        ChangedObject changed = LdapConnector.changedObject(entry).orElseThrow();

        assertThat(changed.anchor()).isEqualTo("4c9f6083-2dbe-4b50-8f74-308b5cae0d04");
        assertThat(changed.deleted()).isFalse();
        assertThat(changed.addedMembers()).containsExactly("CN=New,DC=corp,DC=example,DC=test");
        assertThat(changed.removedMembers()).containsExactly("CN=Gone,DC=corp,DC=example,DC=test",
                "CN=Old,DC=corp,DC=example,DC=test");
    }

    @Test
    void aTombstoneIsADeletionAndAnEntryWithoutObjectGuidIsIgnored() {
        Entry tombstone = new Entry("CN=G\\0ADEL:4c9f6083-2dbe-4b50-8f74-308b5cae0d04,CN=Deleted Objects,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdGuids.toBytes("4c9f6083-2dbe-4b50-8f74-308b5cae0d04")),
                new Attribute("isDeleted", "TRUE"));

        assertThat(LdapConnector.changedObject(tombstone)).hasValueSatisfying(c -> assertThat(c.deleted()).isTrue());
        assertThat(LdapConnector.changedObject(new Entry("CN=X,DC=corp", new Attribute("cn", "X")))).isEmpty();
    }
}
