package dev.steward.platform.text;

/**
 * Text that can be stored and sent anywhere: no NUL or other control characters (PostgreSQL refuses NUL, JSON
 * consumers and LDAP choke on the rest) and no unpaired UTF-16 surrogates (not encodable as UTF-8). Every text
 * property a service stores is checked with this before anything is written, so a bad value is a 400 and never an
 * event that no projection can apply.
 */
public final class SafeText {

    private SafeText() {
    }

    /** True for text without control characters (tab, line feed and carriage return allowed when {@code multiLine}). */
    public static boolean isSafe(CharSequence text, boolean multiLine) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    /** Single-line text: no control character at all. */
    public static boolean isSafe(CharSequence text) {
        return isSafe(text, false);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF';
    }
}
