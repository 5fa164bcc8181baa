package dev.steward.sync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DirSyncControlTest {

    @Test
    void aFirstRequestIsACriticalControlWithTheFlagsMaxBytesAndAnEmptyCookie() {
        Control control = DirSyncControl.request(DirSyncControl.INCREMENTAL_VALUES, 1048576, null);

        assertThat(control.getOID()).isEqualTo("1.2.840.113556.1.4.841");
        assertThat(control.isCritical()).isTrue();
        // SEQUENCE { INTEGER 0x80000000 (4 bytes, as AD reads the flags), INTEGER 1048576, OCTET STRING "" }
        assertThat(HexFormat.of().formatHex(control.getValue().getValue()))
                .isEqualTo("300d" + "020480000000" + "0203100000" + "0400");
    }

    @Test
    void aLaterRequestCarriesTheCookieAndTheObjectSecurityFlag() throws Exception {
        byte[] cookie = {1, 2, 3, (byte) 0xFF};
        Control control = DirSyncControl.request(DirSyncControl.INCREMENTAL_VALUES | DirSyncControl.OBJECT_SECURITY,
                500, cookie);

        var elements = ASN1Sequence.decodeAsSequence(control.getValue().getValue()).elements();
        assertThat(ASN1Integer.decodeAsInteger(elements[0]).intValue()).isEqualTo(0x80000001);
        assertThat(ASN1Integer.decodeAsInteger(elements[1]).intValue()).isEqualTo(500);
        assertThat(ASN1OctetString.decodeAsOctetString(elements[2]).getValue()).containsExactly(cookie);
    }

    @Test
    void aResponseGivesMoreResultsAndTheNextCookie() {
        byte[] cookie = {9, 8, 7};
        DirSyncControl.Response more = DirSyncControl.decode(response(1, cookie));
        DirSyncControl.Response done = DirSyncControl.decode(response(0, new byte[0]));

        assertThat(more.moreResults()).isTrue();
        assertThat(more.cookie()).containsExactly(cookie);
        assertThat(done.moreResults()).isFalse();
        assertThat(done.cookie()).isEmpty();
    }

    @Test
    void aResponseThatIsNotADirSyncValueIsRefusedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> DirSyncControl.decode(
                new Control(DirSyncControl.OID, false, new ASN1OctetString(new byte[] {0x30, 0x05, 0x02})))).
                withMessageContaining("cannot be decoded");
        assertThatIllegalArgumentException().isThrownBy(() -> DirSyncControl.decode(new Control(DirSyncControl.OID,
                false, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(0)).encode()))))
                .withMessageContaining("3 elements");
        assertThatIllegalArgumentException().isThrownBy(() -> DirSyncControl.decode(new Control("1.2.3", false)))
                .withMessageContaining("not a DirSync response");
    }

    @Test
    void showDeletedIsTheCriticalValuelessControl() {
        Control control = DirSyncControl.showDeleted();

        assertThat(control.getOID()).isEqualTo("1.2.840.113556.1.4.417");
        assertThat(control.isCritical()).isTrue();
        assertThat(control.hasValue()).isFalse();
    }

    private static Control response(int more, byte[] cookie) {
        return new Control(DirSyncControl.OID, false, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(more),
                new ASN1Integer(0), new ASN1OctetString(cookie)).encode()));
    }
}
