package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the subset of OData {@code $filter} the directory answers: clauses joined by {@code and}, each
 * {@code property eq literal} or {@code startswith(property,'text')}; literals are single-quoted strings (a quote
 * doubled inside), {@code true}, {@code false} or {@code null}. Anything else is a 400.
 */
public final class FilterParser {

    private final String text;
    private int position;

    private FilterParser(String text) {
        this.text = text;
    }

    public static List<FilterClause> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        FilterParser parser = new FilterParser(filter);
        List<FilterClause> clauses = new ArrayList<>();
        clauses.add(parser.clause());
        while (parser.keyword("and")) {
            clauses.add(parser.clause());
        }
        parser.skipSpaces();
        if (parser.position != filter.length()) {
            throw parser.invalid();
        }
        return List.copyOf(clauses);
    }

    private FilterClause clause() {
        if (keyword("startswith")) {
            expect('(');
            String property = identifier();
            expect(',');
            Object value = literal();
            expect(')');
            if (!(value instanceof String)) {
                throw invalid();
            }
            return new FilterClause(property, FilterClause.Operator.STARTS_WITH, value);
        }
        String property = identifier();
        if (!keyword("eq")) {
            skipSpaces();
            if (position >= text.length() || !Character.isLetter(text.charAt(position))) {
                throw invalid();
            }
            throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                    "Only the 'eq' and 'startswith' operators are supported in $filter.");
        }
        return new FilterClause(property, FilterClause.Operator.EQ, literal());
    }

    private String identifier() {
        skipSpaces();
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)))) {
            position++;
        }
        if (start == position || !Character.isLetter(text.charAt(start))) {
            throw invalid();
        }
        return text.substring(start, position);
    }

    private Object literal() {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == '\'') {
            StringBuilder value = new StringBuilder();
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\'') {
                    if (position < text.length() && text.charAt(position) == '\'') {
                        value.append('\'');
                        position++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(c);
                }
            }
            throw invalid();
        }
        if (keyword("true")) {
            return Boolean.TRUE;
        }
        if (keyword("false")) {
            return Boolean.FALSE;
        }
        if (keyword("null")) {
            return Null.INSTANCE;
        }
        throw invalid();
    }

    /** Consumes {@code word} if it comes next as a whole word. */
    private boolean keyword(String word) {
        skipSpaces();
        int end = position + word.length();
        if (end > text.length() || !text.regionMatches(true, position, word, 0, word.length())) {
            return false;
        }
        if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return false;
        }
        position = end;
        return true;
    }

    private void expect(char c) {
        skipSpaces();
        if (position >= text.length() || text.charAt(position) != c) {
            throw invalid();
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private DirectoryException invalid() {
        return new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "Invalid filter clause: " + text);
    }

    /** The literal {@code null}: a value distinct from "no value". */
    public enum Null { INSTANCE }
}
