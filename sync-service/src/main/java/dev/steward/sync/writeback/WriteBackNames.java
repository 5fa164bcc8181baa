package dev.steward.sync.writeback;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;

/**
 * The names write-back gives a cloud-native group in AD, as Entra does: {@code cn} = the first 51 characters of the
 * displayName, "_", the last 12 characters of the cloud id (64 characters at most, AD's limit for cn); the anchor
 * value {@code Group_<cloud id>}. DNs are built from {@link RDN}/{@link DN} objects, so every special character is
 * escaped.
 */
public final class WriteBackNames {

    static final int DISPLAY_NAME_PART = 51;
    static final int ID_PART = 12;
    static final String ANCHOR_PREFIX = "Group_";

    private WriteBackNames() {
    }

    /** @throws UnwritableNameException when the displayName cannot be written to AD (missing, or holds a NUL) */
    public static String commonName(String displayName, String groupId) {
        requireWritable("displayName", displayName);
        if (displayName.isBlank()) {
            throw new UnwritableNameException("the group has no displayName");
        }
        String name = displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_PART
                ? displayName.substring(0, displayName.offsetByCodePoints(0, DISPLAY_NAME_PART))
                : displayName;
        String id = groupId.length() > ID_PART ? groupId.substring(groupId.length() - ID_PART) : groupId;
        return name + "_" + id;
    }

    /** {@code Group_<cloud id>}: the value that finds the AD group of a cloud group again. */
    public static String anchor(String groupId) {
        return ANCHOR_PREFIX + groupId;
    }

    /** {@code CN=<escaped cn>,<ou>}. */
    public static DN groupDn(String commonName, String targetOu) {
        try {
            return new DN(new RDN("cn", commonName), new DN(targetOu));
        } catch (LDAPException e) {
            throw new IllegalStateException("steward.sync.writeback.target-ou is not a DN: " + targetOu, e);
        }
    }

    /**
     * The DN as text for AD: every RFC 4514 special character of a value escaped, {@code =} included (Samba's ldb
     * refuses an unescaped {@code =} in a value, which UnboundID's own string form leaves as it is), control
     * characters as hex pairs. The text is parsed back and must be the same DN.
     */
    public static String toAdString(DN dn) {
        StringBuilder text = new StringBuilder();
        RDN[] rdns = dn.getRDNs();
        for (int i = 0; i < rdns.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            String[] names = rdns[i].getAttributeNames();
            String[] values = rdns[i].getAttributeValues();
            for (int j = 0; j < names.length; j++) {
                if (j > 0) {
                    text.append('+');
                }
                text.append(names[j]).append('=');
                escapeValue(values[j], text);
            }
        }
        String result = text.toString();
        try {
            if (!new DN(result).equals(dn)) {
                throw new IllegalStateException("escaped DN " + result + " does not read back as " + dn);
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("escaped DN " + result + " is not a DN", e);
        }
        return result;
    }

    private static void escapeValue(String value, StringBuilder out) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == '#' || c == ' '))
                    || (i == length - 1 && c == ' ')) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\%02X", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    /** AD stores no NUL in a string attribute; such a value is refused rather than cut short. */
    public static void requireWritable(String attribute, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new UnwritableNameException(attribute + " contains a NUL character, which AD cannot store");
        }
    }

    /** A value write-back refuses to write; the group is recorded as refused until the cloud value changes. */
    public static final class UnwritableNameException extends RuntimeException {
        public UnwritableNameException(String message) {
            super(message);
        }
    }
}
