package dev.steward.sync.ldap;

import java.io.ByteArrayOutputStream;

/**
 * AD's binary {@code objectSid}: revision (1 byte), sub-authority count (1 byte), identifier authority (6 bytes,
 * big-endian), then each sub-authority as a 4-byte little-endian unsigned integer. Text form {@code S-1-5-21-...}.
 */
public final class AdSids {

    private AdSids() {
    }

    public static String toText(byte[] sid) {
        if (sid == null || sid.length < 8) {
            throw new IllegalArgumentException("a SID has at least 8 bytes");
        }
        int count = sid[1] & 0xFF;
        if (sid.length != 8 + 4 * count) {
            throw new IllegalArgumentException("a SID with " + count + " sub-authorities has " + (8 + 4 * count)
                    + " bytes, not " + sid.length);
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (sid[i] & 0xFFL);
        }
        StringBuilder text = new StringBuilder("S-").append(sid[0] & 0xFF).append('-');
        // Windows prints authorities of 2^32 and more in hexadecimal.
        text.append(authority < (1L << 32) ? Long.toString(authority) : String.format("0x%012X", authority));
        for (int i = 0; i < count; i++) {
            int offset = 8 + 4 * i;
            long sub = (sid[offset] & 0xFFL) | (sid[offset + 1] & 0xFFL) << 8 | (sid[offset + 2] & 0xFFL) << 16
                    | (sid[offset + 3] & 0xFFL) << 24;
            text.append('-').append(sub);
        }
        return text.toString();
    }

    /** The binary form of a SID given as text (decimal authority). */
    public static byte[] toBytes(String text) {
        String[] parts = text.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + text);
        }
        int count = parts.length - 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[1]));
        out.write(count);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.write((int) (authority >>> shift) & 0xFF);
        }
        for (int i = 3; i < parts.length; i++) {
            long sub = Long.parseLong(parts[i]);
            for (int shift = 0; shift < 32; shift += 8) {
                out.write((int) (sub >>> shift) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
