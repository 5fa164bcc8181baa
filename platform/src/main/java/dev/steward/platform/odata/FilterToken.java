package dev.steward.platform.odata;

/**
 * One token of a {@code $filter} expression.
 *
 * @param text     the identifier or literal as written; for a string, its content with {@code ''} unescaped
 * @param value    the value of a literal token (see {@link Literal}); null otherwise
 * @param position zero-based offset in the expression, for error messages
 */
record FilterToken(Type type, String text, Object value, int position) {

    enum Type {
        /** A name: property, path segment, operator, keyword, function or lambda variable. */
        IDENTIFIER,
        STRING,
        NUMBER,
        GUID,
        DATE_TIME,
        OPEN,
        CLOSE,
        COMMA,
        COLON,
        SLASH,
        END
    }

    private static final int SHOWN = 40;

    boolean isWord(String word) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    /** The token for an error message, long ones cut short. */
    String describe() {
        return switch (type) {
            case END -> "the end of the expression";
            case STRING -> "the string '" + shorten(text.replace("'", "''")) + "'";
            default -> "'" + shorten(text) + "'";
        };
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
