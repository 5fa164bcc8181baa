package dev.steward.directory.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Cloud security identifiers ({@code securityIdentifier}): {@code S-1-12-1-} followed by the object id's 16 bytes
 * (Windows GUID byte order) read as four little-endian unsigned 32-bit numbers, as Entra ID derives them.
 */
public final class SecurityIdentifiers {

    private SecurityIdentifiers() {
    }

    public static String fromObjectId(String objectId) {
        ByteBuffer bytes = ByteBuffer.wrap(windowsGuidBytes(UUID.fromString(objectId))).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-12-1");
        for (int i = 0; i < 4; i++) {
            sid.append('-').append(Integer.toUnsignedLong(bytes.getInt()));
        }
        return sid.toString();
    }

    /** The GUID as Windows stores it: the first three fields little-endian, the last eight bytes as they are. */
    public static byte[] windowsGuidBytes(UUID guid) {
        ByteBuffer canonical = ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits())
                .putLong(guid.getLeastSignificantBits());
        byte[] big = canonical.array();
        byte[] windows = new byte[16];
        windows[0] = big[3];
        windows[1] = big[2];
        windows[2] = big[1];
        windows[3] = big[0];
        windows[4] = big[5];
        windows[5] = big[4];
        windows[6] = big[7];
        windows[7] = big[6];
        System.arraycopy(big, 8, windows, 8, 8);
        return windows;
    }
}
