package dev.steward.sync.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.RDN;
import dev.steward.sync.writeback.WriteBackNames.UnwritableNameException;
import org.junit.jupiter.api.Test;

class WriteBackNamesTest {

    private static final String ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    @Test
    void commonNameIsTheDisplayNameAndTheLastTwelveCharactersOfTheId() {
        assertThat(WriteBackNames.commonName("Sales", ID)).isEqualTo("Sales_a5b4c3d2e1f0");
    }

    @Test
    void commonNameKeepsTheFirst51CharactersOfALongDisplayNameAndFitsAdsLimitOf64() {
        String name = "A".repeat(50) + "BCDEFG";
        String cn = WriteBackNames.commonName(name, ID);
        assertThat(cn).isEqualTo("A".repeat(50) + "B_a5b4c3d2e1f0").hasSize(64);
    }

    @Test
    void commonNameDoesNotSplitACharacterOutsideTheBasicPlane() {
        String name = "x".repeat(50) + "\uD83D\uDE00" + "tail";
        assertThat(WriteBackNames.commonName(name, ID)).isEqualTo("x".repeat(50) + "\uD83D\uDE00_a5b4c3d2e1f0");
    }

    @Test
    void anchorIsGroupUnderscoreAndTheCloudId() {
        assertThat(WriteBackNames.anchor(ID)).isEqualTo("Group_" + ID);
    }

    @Test
    void aNameWithEverySpecialCharacterMakesOneEscapedRdnThatReadsBackUnchanged() throws Exception {
        String displayName = "R&D, \"West\" +1 <lab>; a=b #1 \\ *(x) ";
        String cn = WriteBackNames.commonName(displayName, ID);
        DN dn = WriteBackNames.groupDn(cn, "OU=Cloud Groups,DC=corp,DC=example,DC=test");

        DN parsed = new DN(dn.toString());
        assertThat(parsed.getRDNs()).hasSize(5);
        RDN rdn = parsed.getRDN();
        assertThat(rdn.getAttributeNames()).containsExactly("cn");
        assertThat(rdn.getAttributeValues()).containsExactly(cn);
        assertThat(parsed.getParentString()).isEqualTo("OU=Cloud Groups,DC=corp,DC=example,DC=test");
        assertThat(dn.toString()).startsWith("cn=R&D\\, \\\"West\\\" \\+1 \\<lab\\>\\; a=b #1 \\\\ *(x)");
    }

    @Test
    void theTextSentToAdEscapesEverySpecialCharacterEqualsSignIncludedAndReadsBackAsTheSameDn() throws Exception {
        String cn = "R&D, \"West\" +1 <lab>; a=b #1 \\ *(x)_a5b4c3d2e1f0";
        DN dn = WriteBackNames.groupDn(cn, "OU=Cloud Groups,DC=corp,DC=example,DC=test");

        String text = WriteBackNames.toAdString(dn);

        assertThat(text).isEqualTo("cn=R&D\\, \\\"West\\\" \\+1 \\<lab\\>\\; a\\=b #1 \\\\ *(x)_a5b4c3d2e1f0,"
                + "OU=Cloud Groups,DC=corp,DC=example,DC=test");
        assertThat(new DN(text)).isEqualTo(dn);
    }

    @Test
    void theTextSentToAdEscapesALeadingHashLeadingAndTrailingSpacesAndControlCharacters() throws Exception {
        DN dn = WriteBackNames.groupDn(" #x\ty ", "DC=corp,DC=example,DC=test");
        String text = WriteBackNames.toAdString(dn);
        assertThat(text).startsWith("cn=\\ #x\\09y\\ ,");
        assertThat(new DN(text).getRDN().getAttributeValues()).containsExactly(" #x\ty ");
    }

    @Test
    void aNameStartingWithHashIsEscapedSoItIsNotReadAsHex() throws Exception {
        DN dn = WriteBackNames.groupDn(WriteBackNames.commonName("#admins", ID), "DC=corp,DC=example,DC=test");
        assertThat(dn.toString()).startsWith("cn=\\#admins_");
        assertThat(new DN(dn.toString()).getRDN().getAttributeValues()).containsExactly("#admins_a5b4c3d2e1f0");
    }

    @Test
    void anchorFilterEscapesFilterSpecialCharacters() {
        Filter filter = Filter.createEqualityFilter("adminDescription", "Group_*()\\x");
        assertThat(filter.toString()).isEqualTo("(adminDescription=Group_\\2a\\28\\29\\5cx)");
    }

    @Test
    void aNulInTheDisplayNameIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> WriteBackNames.commonName("bad\0name", ID))
                .isInstanceOf(UnwritableNameException.class)
                .hasMessage("displayName contains a NUL character, which AD cannot store");
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        assertThatThrownBy(() -> WriteBackNames.commonName("  ", ID)).isInstanceOf(UnwritableNameException.class);
    }

    @Test
    void aTargetOuThatIsNotADnIsAConfigurationError() {
        assertThatThrownBy(() -> WriteBackNames.groupDn("x", "not a dn"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("target-ou");
    }

    @Test
    void logNamesShowControlCharactersAsEscapes() {
        assertThat(WriteBackRunner.printable("a\0b\nc")).isEqualTo("a\\u0000b\\u000ac");
    }
}
