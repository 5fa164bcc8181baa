package dev.steward.audit.directoryaudit.query;

/**
 * One token of a {@code $filter} expression.
 *
 * @param text     the identifier, the unescaped string content, or the literal as written
 * @param position zero-based offset in the expression, for error messages
 */
record FilterToken(Type type, String text, int position) {

    enum Type {
        /** A name: property, path segment, operator, function or lambda variable. */
        IDENTIFIER,
        /** A single-quoted string; {@code text} holds its content with {@code ''} unescaped. */
        STRING,
        /** An unquoted literal starting with a digit, e.g. a date-time {@code 2026-01-01T00:00:00Z}. */
        LITERAL,
        OPEN,
        CLOSE,
        COMMA,
        COLON,
        SLASH,
        END
    }

    boolean isWord(String word) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    String describe() {
        return switch (type) {
            case END -> "the end of the expression";
            case STRING -> "the string '" + text.replace("'", "''") + "'";
            default -> "'" + text + "'";
        };
    }
}
