package dev.steward.platform.odata;

import dev.steward.platform.odata.FilterExpression.And;
import dev.steward.platform.odata.FilterExpression.Any;
import dev.steward.platform.odata.FilterExpression.Comparison;
import dev.steward.platform.odata.FilterExpression.In;
import dev.steward.platform.odata.FilterExpression.Not;
import dev.steward.platform.odata.FilterExpression.Or;
import dev.steward.platform.odata.FilterExpression.StartsWith;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a {@link FilterExpression} into a service's own query ({@code R}: SQL, a JPA specification, ...), checking
 * it against the resource's {@link FilterSchema} on the way: an unknown property, an operator or connective the
 * resource does not answer is a 400 {@code Request_UnsupportedQuery}; a literal of the wrong type a 400
 * {@code Request_BadRequest}. Subclasses see only checked conditions with typed values (see {@link FilterType}).
 * <p>
 * {@code not} is pushed down to the conditions ({@code not (a or b)} arrives as {@code not a and not b}), so a
 * subclass can give a negated condition OData's two-valued meaning: {@code not (x eq 'a')} holds where {@code x}
 * is null, which SQL's {@code NOT (x = 'a')} would not. Recursion follows the tree, whose depth the parser bounds.
 */
public abstract class FilterTranslator<R> {

    private final FilterSchema schema;

    protected FilterTranslator(FilterSchema schema) {
        this.schema = schema;
    }

    public FilterSchema schema() {
        return schema;
    }

    /** The query of {@code expression}; a 400 for anything the schema does not answer. */
    public final R translate(FilterExpression expression) {
        return translate(expression, false);
    }

    /**
     * {@code property operator value}, or its negation.
     *
     * @param operator one of {@code EQ NE GT GE LT LE}
     * @param value    typed per {@link FilterType}; null only with {@code EQ} or {@code NE} on a nullable property
     */
    protected abstract R compare(FilterProperty property, FilterOperator operator, Object value, boolean negated);

    /** {@code property in (values)}, or its negation; the values are typed and never null. */
    protected abstract R in(FilterProperty property, List<Object> values, boolean negated);

    /** {@code startswith(property, prefix)}, or its negation. */
    protected abstract R startsWith(FilterProperty property, String prefix, boolean negated);

    /**
     * {@code collection/any(x: condition)}, or its negation. The condition is not yet translated: translate it
     * with a translator of the collection's {@link FilterProperty#elements() element schema}.
     */
    protected abstract R any(FilterProperty collection, FilterExpression condition, boolean negated);

    protected abstract R and(List<R> operands);

    protected abstract R or(List<R> operands);

    private R translate(FilterExpression expression, boolean negated) {
        if (expression instanceof Not not) {
            schema.check(LogicalOperator.NOT);
            return translate(not.operand(), !negated);
        }
        if (expression instanceof And and) {
            schema.check(LogicalOperator.AND);
            List<R> operands = all(and.operands(), negated);
            return negated ? or(operands) : and(operands);
        }
        if (expression instanceof Or or) {
            schema.check(LogicalOperator.OR);
            List<R> operands = all(or.operands(), negated);
            return negated ? and(operands) : or(operands);
        }
        if (expression instanceof Comparison comparison) {
            FilterProperty property = schema.property(comparison.property(), comparison.operator());
            Object value = value(property, comparison.property(), comparison.value());
            if (value == null && comparison.operator() != FilterOperator.EQ && comparison.operator() != FilterOperator.NE) {
                throw FilterErrors.unsupported("Only 'eq null' and 'ne null' can test for null; '"
                        + comparison.operator().odataName() + " null' is not supported.");
            }
            return compare(property, comparison.operator(), value, negated);
        }
        if (expression instanceof In in) {
            FilterProperty property = schema.property(in.property(), FilterOperator.IN);
            List<Object> values = new ArrayList<>();
            for (Literal literal : in.values()) {
                Object value = value(property, in.property(), literal);
                if (value == null) {
                    throw FilterErrors.unsupported("null cannot be listed in 'in'; test it with 'eq null'.");
                }
                values.add(value);
            }
            return in(property, values, negated);
        }
        if (expression instanceof StartsWith startsWith) {
            FilterProperty property = schema.property(startsWith.property(), FilterOperator.STARTS_WITH);
            if (property.type() != FilterType.STRING || startsWith.prefix().type() != Literal.Type.STRING) {
                throw expected("a quoted string such as 'value'", startsWith.property(), startsWith.prefix());
            }
            return startsWith(property, (String) startsWith.prefix().value(), negated);
        }
        Any any = (Any) expression;
        return any(schema.property(any.collection(), FilterOperator.ANY), any.condition(), negated);
    }

    private List<R> all(List<FilterExpression> operands, boolean negated) {
        List<R> translated = new ArrayList<>(operands.size());
        for (FilterExpression operand : operands) {
            translated.add(translate(operand, negated));
        }
        return translated;
    }

    /** The literal as a value of the property's type. */
    private Object value(FilterProperty property, PropertyPath path, Literal literal) {
        if (literal.type() == Literal.Type.NULL) {
            if (!property.nullable()) {
                throw FilterErrors.unsupported("Comparing " + path.text() + " with null is not supported.");
            }
            return null;
        }
        Object value = literal.value();
        switch (property.type()) {
            case STRING -> {
                if (value instanceof String || value instanceof UUID) {
                    return value.toString();
                }
                throw expected("a quoted string such as 'value'", path, literal);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    return value;
                }
                throw expected("true or false", path, literal);
            }
            case NUMBER -> {
                if (value instanceof BigDecimal) {
                    return value;
                }
                throw expected("a number", path, literal);
            }
            case DATE_TIME -> {
                try {
                    OffsetDateTime at = value instanceof OffsetDateTime dateTime ? dateTime
                            : value instanceof String text ? OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)) : null;
                    if (at != null) {
                        return at.withOffsetSameInstant(ZoneOffset.UTC);
                    }
                } catch (DateTimeParseException e) {
                    // answered below
                }
                throw expected("a date-time with an offset such as 2026-01-01T00:00:00Z", path, literal);
            }
            default -> throw FilterErrors.unsupported("The collection " + path.text() + " can only be tested with any.");
        }
    }

    private static RuntimeException expected(String what, PropertyPath path, Literal found) {
        String shown = found.text().length() > 40 ? found.text().substring(0, 40) + "..." : found.text();
        return FilterErrors.malformed("expected " + what + " for " + path.text() + " at position " + found.position()
                + ", found " + shown + ".");
    }
}
