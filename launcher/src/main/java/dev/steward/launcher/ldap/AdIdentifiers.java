package dev.steward.launcher.ldap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** Active Directory's binary identifiers: objectGUID in Windows byte order and objectSid. */
public final class AdIdentifiers {

    private AdIdentifiers() {
    }

    /** The 16 bytes AD stores: Data1 (4 bytes), Data2 and Data3 (2 bytes each) little-endian, Data4 as is. */
    public static byte[] objectGuid(UUID guid) {
        ByteBuffer canonical = ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits())
                .putLong(guid.getLeastSignificantBits());
        byte[] b = canonical.array();
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
            b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }

    /** The canonical GUID of an objectGUID value. */
    public static UUID guid(byte[] objectGuid) {
        if (objectGuid.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes, not " + objectGuid.length);
        }
        byte[] b = objectGuid;
        byte[] canonical = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
            b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
        ByteBuffer buffer = ByteBuffer.wrap(canonical);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** The binary form of a SID such as {@code S-1-5-21-1004336348-1177238915-682003330-1104}. */
    public static byte[] objectSid(String sid) {
        String[] parts = sid.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        int subAuthorities = parts.length - 3;
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * subAuthorities);
        buffer.put((byte) Integer.parseInt(parts[1])).put((byte) subAuthorities);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer.put((byte) (authority >>> shift));
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) {
            buffer.putInt((int) Long.parseLong(parts[i]));
        }
        return buffer.array();
    }

    /** The text form of a binary SID. */
    public static String sid(byte[] objectSid) {
        ByteBuffer buffer = ByteBuffer.wrap(objectSid);
        int revision = buffer.get() & 0xff;
        int subAuthorities = buffer.get() & 0xff;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | (buffer.get() & 0xff);
        }
        StringBuilder text = new StringBuilder("S-").append(revision).append('-').append(authority);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < subAuthorities; i++) {
            text.append('-').append(Integer.toUnsignedLong(buffer.getInt()));
        }
        return text.toString();
    }
}
