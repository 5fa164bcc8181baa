package dev.steward.sync.ldap;

import java.util.UUID;

/**
 * AD's {@code objectGUID} is 16 bytes in Windows' GUID layout: Data1 (4 bytes), Data2 (2 bytes) and Data3 (2 bytes)
 * little-endian, Data4 (8 bytes) as is. Its canonical text, the sync anchor, is what Windows prints.
 */
public final class AdGuids {

    private AdGuids() {
    }

    /** The canonical lower-case UUID text of an AD objectGUID value. */
    public static String toCanonical(byte[] objectGuid) {
        if (objectGuid == null || objectGuid.length != 16) {
            throw new IllegalArgumentException("an objectGUID is 16 bytes, not "
                    + (objectGuid == null ? "absent" : objectGuid.length));
        }
        byte[] b = objectGuid;
        long high = (b[3] & 0xFFL) << 56 | (b[2] & 0xFFL) << 48 | (b[1] & 0xFFL) << 40 | (b[0] & 0xFFL) << 32
                | (b[5] & 0xFFL) << 24 | (b[4] & 0xFFL) << 16
                | (b[7] & 0xFFL) << 8 | (b[6] & 0xFFL);
        long low = 0;
        for (int i = 8; i < 16; i++) {
            low = low << 8 | (b[i] & 0xFFL);
        }
        return new UUID(high, low).toString();
    }

    /** The AD byte form of a canonical GUID, e.g. to build an LDAP filter or a test directory. */
    public static byte[] toBytes(String canonical) {
        UUID uuid = UUID.fromString(canonical);
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        byte[] b = new byte[16];
        int data1 = (int) (high >>> 32);
        int data2 = (int) (high >>> 16) & 0xFFFF;
        int data3 = (int) high & 0xFFFF;
        b[0] = (byte) data1;
        b[1] = (byte) (data1 >>> 8);
        b[2] = (byte) (data1 >>> 16);
        b[3] = (byte) (data1 >>> 24);
        b[4] = (byte) data2;
        b[5] = (byte) (data2 >>> 8);
        b[6] = (byte) data3;
        b[7] = (byte) (data3 >>> 8);
        for (int i = 15; i >= 8; i--) {
            b[i] = (byte) low;
            low >>>= 8;
        }
        return b;
    }
}
