package dev.steward.sync.ldap;

import com.unboundid.ldap.sdk.Attribute;
import java.util.Locale;
import java.util.Optional;

/**
 * The range option of an attribute returned in parts: {@code member;range=0-1499} holds values 0 to 1499 and more
 * follow; {@code member;range=1500-*} holds the last ones. With DirSync's incremental values, {@code range=1-1} marks
 * values added and {@code range=0-0} values removed.
 *
 * @param high the last value's index; -1 for {@code *}: nothing follows
 */
public record MemberRange(int low, int high) {

    public static final int LAST = -1;

    public boolean last() {
        return high == LAST;
    }

    /** The attribute's range option, if it has one. @throws IllegalArgumentException for a malformed one */
    public static Optional<MemberRange> of(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                return Optional.of(parse(option.substring("range=".length())));
            }
        }
        return Optional.empty();
    }

    /** {@code 0-1499}, {@code 1500-*}. @throws IllegalArgumentException for anything else */
    public static MemberRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new IllegalArgumentException("not a value range: " + text);
        }
        try {
            int low = Integer.parseInt(text.substring(0, dash));
            String end = text.substring(dash + 1);
            int high = end.equals("*") ? LAST : Integer.parseInt(end);
            if (low < 0 || (high != LAST && high < low)) {
                throw new IllegalArgumentException("not a value range: " + text);
            }
            return new MemberRange(low, high);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a value range: " + text, e);
        }
    }

    /** The attribute description asking for {@code size} values from {@code low}: {@code member;range=1500-2999}. */
    public static String request(String attribute, int low, int size) {
        return attribute + ";range=" + low + "-" + ((long) low + Math.max(1, size) - 1);
    }
}
