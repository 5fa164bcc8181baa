package dev.steward.sync.ldap;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPResult;

/**
 * AD's DirSync control (LDAP_SERVER_DIRSYNC_OID, 1.2.840.113556.1.4.841). Request value
 * {@code SEQUENCE { flags INTEGER, maxBytes INTEGER, cookie OCTET STRING }}; the response carries the same shape, its
 * first integer meaning "more results" and the cookie to send next.
 */
public final class DirSyncControl {

    public static final String OID = "1.2.840.113556.1.4.841";
    /** LDAP_SERVER_SHOW_DELETED_OID: tombstones ({@code isDeleted: TRUE}) are returned too. */
    public static final String SHOW_DELETED_OID = "1.2.840.113556.1.4.417";

    /** LDAP_DIRSYNC_OBJECT_SECURITY: no "Replicating Directory Changes" right needed, only objects the caller may read. */
    public static final int OBJECT_SECURITY = 0x1;
    /** LDAP_DIRSYNC_INCREMENTAL_VALUES: changed values of linked attributes only ({@code member;range=1-1} / {@code 0-0}). */
    public static final int INCREMENTAL_VALUES = 0x80000000;

    private DirSyncControl() {
    }

    /**
     * A critical DirSync request control.
     *
     * @param cookie the cookie of the previous response; null or empty for a first synchronisation
     */
    public static Control request(int flags, int maxBytes, byte[] cookie) {
        ASN1Sequence value = new ASN1Sequence(new ASN1Integer(flags), new ASN1Integer(maxBytes),
                new ASN1OctetString(cookie == null ? new byte[0] : cookie));
        return new Control(OID, true, new ASN1OctetString(value.encode()));
    }

    /** The critical show-deleted control: with it, deleted objects come back as tombstones. */
    public static Control showDeleted() {
        return new Control(SHOW_DELETED_OID, true);
    }

    /**
     * The DirSync response control of a search result.
     *
     * @throws IllegalArgumentException when the result has none or it cannot be decoded
     */
    public static Response response(LDAPResult result) {
        Control control = result.getResponseControl(OID);
        if (control == null) {
            throw new IllegalArgumentException("the server answered a DirSync search without a DirSync response control");
        }
        return decode(control);
    }

    /** @throws IllegalArgumentException when the control's value is not a DirSync response */
    public static Response decode(Control control) {
        if (!OID.equals(control.getOID()) || !control.hasValue()) {
            throw new IllegalArgumentException("not a DirSync response control: " + control.getOID());
        }
        try {
            ASN1Element[] elements = ASN1Sequence.decodeAsSequence(control.getValue().getValue()).elements();
            if (elements.length != 3) {
                throw new IllegalArgumentException("a DirSync response holds 3 elements, not " + elements.length);
            }
            return new Response(ASN1Integer.decodeAsInteger(elements[0]).intValue() != 0,
                    ASN1OctetString.decodeAsOctetString(elements[2]).getValue());
        } catch (ASN1Exception e) {
            throw new IllegalArgumentException("the DirSync response cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * @param moreResults the server has more changes: search again at once with {@code cookie}
     * @param cookie      where the next search starts
     */
    public record Response(boolean moreResults, byte[] cookie) {
    }
}
