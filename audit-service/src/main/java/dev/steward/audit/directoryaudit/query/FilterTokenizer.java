package dev.steward.audit.directoryaudit.query;

import dev.steward.audit.directoryaudit.query.FilterToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code $filter} expression into tokens. Strings are single-quoted with {@code ''} for a quote inside
 * them; everything in a string is data, never syntax.
 */
final class FilterTokenizer {

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
                tokens.add(new FilterToken(Type.END, "", position));
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
                    if (isIdentifierStart(c)) {
                        tokens.add(identifier(start));
                    } else if (Character.isDigit(c)) {
                        tokens.add(literal(start));
                    } else {
                        throw QueryErrors.badRequest("Invalid filter clause: unexpected character '" + c
                                + "' at position " + start + ".");
                    }
                }
            }
        }
    }

    private FilterToken single(Type type, int start) {
        position++;
        return new FilterToken(type, input.substring(start, start + 1), start);
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
                    return new FilterToken(Type.STRING, content.toString(), start);
                }
            } else {
                content.append(c);
            }
        }
        throw QueryErrors.badRequest("Invalid filter clause: the string starting at position " + start
                + " is not closed; write a quote inside a string as ''.");
    }

    private FilterToken identifier(int start) {
        while (position < input.length() && isIdentifierPart(input.charAt(position))) {
            position++;
        }
        return new FilterToken(Type.IDENTIFIER, input.substring(start, position), start);
    }

    /** Date-times ({@code 2026-01-01T10:00:00.5+02:00}) and numbers: digits, letters and {@code - : . +}. */
    private FilterToken literal(int start) {
        while (position < input.length()) {
            char c = input.charAt(position);
            if (Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '+') {
                position++;
            } else {
                break;
            }
        }
        return new FilterToken(Type.LITERAL, input.substring(start, position), start);
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
