package dev.steward.platform.odata;

import dev.steward.platform.odata.FilterToken.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Splits a {@code $filter} expression into tokens, in one pass without recursion. Strings are single-quoted with
 * {@code ''} for a quote inside them; everything in a string is data, never syntax. Unquoted literals are numbers,
 * GUIDs and date-times with an offset (RFC 3339); {@code true}, {@code false} and {@code null} are identifiers the
 * parser reads as literals.
 */
final class FilterTokenizer {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int GUID_LENGTH = 36;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?([eE][+-]?\\d{1,3})?");

    private final String input;
    private int position;

    private FilterTokenizer(String input) {
        this.input = input;
    }

    static List<FilterToken> tokenize(String input) {
        return new FilterTokenizer(input).run();
    }

    private List<FilterToken> run() {
        List<FilterToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= input.length()) {
                tokens.add(new FilterToken(Type.END, "", null, position));
                return tokens;
            }
            char c = input.charAt(position);
            int start = position;
            switch (c) {
                case '(' -> tokens.add(single(Type.OPEN, start));
                case ')' -> tokens.add(single(Type.CLOSE, start));
                case ',' -> tokens.add(single(Type.COMMA, start));
                case ':' -> tokens.add(single(Type.COLON, start));
                case '/' -> tokens.add(single(Type.SLASH, start));
                case '\'' -> tokens.add(string(start));
                default -> {
                    if (isGuidAt(start)) {
                        position += GUID_LENGTH;
                        String text = input.substring(start, position);
                        tokens.add(new FilterToken(Type.GUID, text, UUID.fromString(text), start));
                    } else if (isIdentifierStart(c)) {
                        tokens.add(identifier(start));
                    } else if (Character.isDigit(c) || c == '-' && start + 1 < input.length()
                            && Character.isDigit(input.charAt(start + 1))) {
                        tokens.add(literal(start));
                    } else {
                        throw FilterErrors.malformed("unexpected character '" + c + "' at position " + start + ".");
                    }
                }
            }
        }
    }

    private FilterToken single(Type type, int start) {
        position++;
        return new FilterToken(type, input.substring(start, start + 1), null, start);
    }

    private FilterToken string(int start) {
        StringBuilder content = new StringBuilder();
        position++;
        while (position < input.length()) {
            char c = input.charAt(position++);
            if (c == '\'') {
                if (position < input.length() && input.charAt(position) == '\'') {
                    content.append('\'');
                    position++;
                } else {
                    String text = content.toString();
                    return new FilterToken(Type.STRING, text, text, start);
                }
            } else {
                content.append(c);
            }
        }
        throw FilterErrors.malformed("the string starting at position " + start
                + " is not closed; write a quote inside a string as ''.");
    }

    private FilterToken identifier(int start) {
        while (position < input.length() && isIdentifierPart(input.charAt(position))) {
            position++;
        }
        return new FilterToken(Type.IDENTIFIER, input.substring(start, position), null, start);
    }

    /** A number or a date-time: digits, letters and {@code - : . +}, classified once read. */
    private FilterToken literal(int start) {
        position++;
        while (position < input.length()) {
            char c = input.charAt(position);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '+')) {
                position++;
            } else {
                break;
            }
        }
        String text = input.substring(start, position);
        if (NUMBER.matcher(text).matches()) {
            return new FilterToken(Type.NUMBER, text, new BigDecimal(text), start);
        }
        if (text.indexOf('T') > 0 || text.indexOf('t') > 0) {
            try {
                return new FilterToken(Type.DATE_TIME, text, OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)), start);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw FilterErrors.malformed("'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + "' at position " + start + " is not a number or a date-time with an offset, e.g. "
                + "2026-01-01T00:00:00Z.");
    }

    private boolean isGuidAt(int start) {
        int end = start + GUID_LENGTH;
        return end <= input.length() && (end == input.length() || !isIdentifierPart(input.charAt(end)))
                && input.charAt(start + 8) == '-' && GUID.matcher(input.substring(start, end)).matches();
    }

    private void skipWhitespace() {
        while (position < input.length() && Character.isWhitespace(input.charAt(position))) {
            position++;
        }
    }

    private static boolean isIdentifierStart(char c) {
        return c < 128 && (Character.isLetter(c) || c == '_');
    }

    private static boolean isIdentifierPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
