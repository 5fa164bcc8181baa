package dev.steward.audit.directoryaudit.query;

import dev.steward.audit.directoryaudit.query.AuditFilter.Condition;
import dev.steward.audit.directoryaudit.query.AuditFilter.FieldCondition;
import dev.steward.audit.directoryaudit.query.AuditFilter.TargetCondition;
import dev.steward.audit.directoryaudit.query.FilterToken.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the {@code $filter} forms the audit log supports:
 * <pre>
 * filter     = condition *( "and" condition )
 * condition  = "(" filter ")"
 *            / path operator value                              ; activityDisplayName eq 'Add group'
 *            / "startswith" "(" path "," string ")"             ; startswith(activityDisplayName,'Add')
 *            / "targetResources/any" "(" var ":" lambda ")"     ; targetResources/any(t: t/id eq '...')
 * lambda     = var "/" name operator string / "startswith" "(" var "/" name "," string ")"
 * operator   = "eq" / "ge" / "le" / "gt" / "lt"
 * value      = string / date-time                               ; 'it''s' / 2026-01-01T00:00:00Z
 * </pre>
 * Malformed input fails with {@code BadRequest}; well-formed input this API does not support ({@code or},
 * {@code not}, other functions and properties) with {@code Request_UnsupportedQuery}.
 */
public final class FilterParser {

    static final int MAX_LENGTH = 4000;
    static final int MAX_CONDITIONS = 30;
    static final int MAX_NESTING = 10;
    private static final String TARGET_RESOURCES = "targetResources";
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("ne", "has", "in", "add", "sub", "mul", "div", "mod");

    private final List<FilterToken> tokens;
    private final List<Condition> conditions = new ArrayList<>();
    private int index;
    private int nesting;

    private FilterParser(List<FilterToken> tokens) {
        this.tokens = tokens;
    }

    /** The filter of {@code expression}; null means no filter. */
    public static AuditFilter parse(String expression) {
        if (expression == null) {
            return AuditFilter.ALL;
        }
        if (expression.isBlank()) {
            throw QueryErrors.badRequest("Invalid filter clause: the $filter query option is empty.");
        }
        if (expression.length() > MAX_LENGTH) {
            throw QueryErrors.badRequest("Invalid filter clause: longer than " + MAX_LENGTH + " characters.");
        }
        FilterParser parser = new FilterParser(FilterTokenizer.tokenize(expression));
        parser.conjunction();
        FilterToken rest = parser.peek();
        if (rest.type() != Type.END) {
            throw syntax("expected 'and' or the end of the expression", rest);
        }
        return new AuditFilter(parser.conditions);
    }

    private void conjunction() {
        condition();
        while (peek().isWord("and")) {
            next();
            condition();
        }
        if (peek().isWord("or")) {
            throw QueryErrors.unsupported("The operator 'or' is not supported in $filter; combine conditions with 'and'.");
        }
    }

    private void condition() {
        FilterToken token = peek();
        if (token.type() == Type.OPEN) {
            if (++nesting > MAX_NESTING) {
                throw QueryErrors.badRequest("Invalid filter clause: parentheses nested deeper than " + MAX_NESTING + ".");
            }
            next();
            conjunction();
            expect(Type.CLOSE, "')'");
            nesting--;
            return;
        }
        if (token.isWord("not")) {
            throw QueryErrors.unsupported("The operator 'not' is not supported in $filter.");
        }
        if (token.type() != Type.IDENTIFIER) {
            throw syntax("expected a property or a function", token);
        }
        if (peekAhead(1).type() == Type.OPEN) {
            functionCall();
        } else {
            pathCondition();
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw QueryErrors.badRequest("Invalid filter clause: more than " + MAX_CONDITIONS + " conditions.");
        }
    }

    /** {@code startswith(path,'value')}. */
    private void functionCall() {
        FilterToken name = next();
        if (!name.isWord("startswith")) {
            throw QueryErrors.unsupported("The function '" + name.text() + "' is not supported in $filter; "
                    + "supported are comparisons with eq, ge, le, gt, lt and startswith(property,'value').");
        }
        expect(Type.OPEN, "'('");
        String path = path();
        expect(Type.COMMA, "','");
        String value = string(path);
        expect(Type.CLOSE, "')'");
        FilterField field = field(path);
        conditions.add(new FieldCondition(supported(field, FilterOperator.STARTS_WITH), FilterOperator.STARTS_WITH,
                value));
    }

    /** {@code path operator value}, or the lambda {@code targetResources/any(...)}. */
    private void pathCondition() {
        String path = path();
        if (path.regionMatches(true, 0, TARGET_RESOURCES + "/", 0, TARGET_RESOURCES.length() + 1)) {
            String lambda = path.substring(TARGET_RESOURCES.length() + 1);
            if (!lambda.equalsIgnoreCase("any") || peek().type() != Type.OPEN) {
                throw QueryErrors.unsupported("Only targetResources/any(t: t/id eq '...') and "
                        + "targetResources/any(t: t/displayName eq|startswith '...') are supported on targetResources.");
            }
            targetLambda();
            return;
        }
        FilterOperator operator = operator();
        FilterField field = supported(field(path), operator);
        conditions.add(new FieldCondition(field, operator, value(field, next())));
    }

    /** {@code (t: t/id eq '...')} or {@code (t: startswith(t/displayName,'...'))}. */
    private void targetLambda() {
        expect(Type.OPEN, "'('");
        FilterToken variable = expect(Type.IDENTIFIER, "a lambda variable such as 't'");
        expect(Type.COLON, "':'");
        FilterOperator operator;
        FilterToken start;
        String path;
        String value;
        if (peek().isWord("startswith") && peekAhead(1).type() == Type.OPEN) {
            next();
            expect(Type.OPEN, "'('");
            start = peek();
            path = path();
            expect(Type.COMMA, "','");
            value = string(path);
            expect(Type.CLOSE, "')'");
            operator = FilterOperator.STARTS_WITH;
        } else {
            start = peek();
            path = path();
            operator = operator();
            value = string(path);
        }
        if (peek().isWord("and") || peek().isWord("or")) {
            throw QueryErrors.unsupported("A targetResources/any lambda may hold one condition only.");
        }
        expect(Type.CLOSE, "')'");
        String prefix = variable.text() + "/";
        if (!path.startsWith(prefix)) {
            throw syntax("expected a property of the lambda variable '" + variable.text() + "'", start);
        }
        String property = path.substring(prefix.length());
        FilterField.Target target = FilterField.Target.byPath(property).orElseThrow(() -> QueryErrors.unsupported(
                "Filtering on targetResources/" + property + " is not supported; use id or displayName."));
        if (!target.supports(operator)) {
            throw QueryErrors.unsupported("The operator '" + operator.odataName() + "' is not supported on "
                    + "targetResources/" + target.path() + ".");
        }
        conditions.add(new TargetCondition(target, operator, value));
    }

    /** {@code name ("/" name)*}. */
    private String path() {
        StringBuilder path = new StringBuilder(expect(Type.IDENTIFIER, "a property").text());
        while (peek().type() == Type.SLASH) {
            next();
            path.append('/').append(expect(Type.IDENTIFIER, "a property after '/'").text());
        }
        return path.toString();
    }

    private FilterOperator operator() {
        FilterToken token = next();
        FilterOperator operator = token.type() == Type.IDENTIFIER ? FilterOperator.infix(token.text()) : null;
        if (operator != null) {
            return operator;
        }
        if (token.type() == Type.IDENTIFIER && UNSUPPORTED_OPERATORS.contains(token.text().toLowerCase(Locale.ROOT))) {
            throw QueryErrors.unsupported("The operator '" + token.text() + "' is not supported in $filter.");
        }
        if (token.isWord("startswith")) {
            throw QueryErrors.badRequest("Invalid filter clause: write startswith as a function, "
                    + "e.g. startswith(activityDisplayName,'Add').");
        }
        throw syntax("expected an operator (eq, ge, le, gt, lt)", token);
    }

    private static FilterField field(String path) {
        return FilterField.byPath(path).orElseThrow(() -> QueryErrors.unsupported(
                "Filtering on the property '" + path + "' is not supported."));
    }

    private static FilterField supported(FilterField field, FilterOperator operator) {
        if (!field.supports(operator)) {
            throw QueryErrors.unsupported("The operator '" + operator.odataName() + "' is not supported on the "
                    + "property '" + field.path() + "'.");
        }
        return field;
    }

    private static Object value(FilterField field, FilterToken token) {
        if (field.isDateTime()) {
            if (token.type() != Type.LITERAL && token.type() != Type.STRING) {
                throw syntax("expected a date-time such as 2026-01-01T00:00:00Z for " + field.path(), token);
            }
            return instant(token);
        }
        if (token.type() == Type.STRING) {
            return token.text();
        }
        if (token.isWord("null")) {
            throw QueryErrors.unsupported("Comparing " + field.path() + " with null is not supported.");
        }
        throw syntax("expected a quoted string such as 'value' for " + field.path(), token);
    }

    private String string(String path) {
        FilterToken token = next();
        if (token.type() != Type.STRING) {
            throw syntax("expected a quoted string such as 'value' for " + path, token);
        }
        return token.text();
    }

    private static Instant instant(FilterToken token) {
        try {
            return OffsetDateTime.parse(token.text()).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryErrors.badRequest("Invalid filter clause: '" + token.text() + "' at position "
                    + token.position() + " is not a date-time with an offset, e.g. 2026-01-01T00:00:00Z.");
        }
    }

    private FilterToken expect(Type type, String what) {
        FilterToken token = next();
        if (token.type() != type) {
            throw syntax("expected " + what, token);
        }
        return token;
    }

    private FilterToken peek() {
        return tokens.get(index);
    }

    private FilterToken peekAhead(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    private FilterToken next() {
        FilterToken token = tokens.get(index);
        if (token.type() != Type.END) {
            index++;
        }
        return token;
    }

    private static RuntimeException syntax(String expected, FilterToken found) {
        return QueryErrors.badRequest("Invalid filter clause: " + expected + " at position " + found.position()
                + ", found " + found.describe() + ".");
    }
}
