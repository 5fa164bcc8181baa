package dev.steward.platform.odata;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A property a resource lets {@code $filter} test: its path as Graph writes it, its type, whether it may be
 * compared with {@code null}, and the operators it answers.
 *
 * @param elements the schema of the elements of a {@link FilterType#COLLECTION}; null otherwise
 */
public record FilterProperty(String name, FilterType type, boolean nullable, Set<FilterOperator> operators,
                             FilterSchema elements) {

    public FilterProperty {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        operators = Set.copyOf(operators);
        if ((type == FilterType.COLLECTION) != (elements != null)) {
            throw new IllegalArgumentException("a collection, and only a collection, has an element schema: " + name);
        }
    }

    /** A property that is never null, with the operators it answers. */
    public static FilterProperty of(String name, FilterType type, FilterOperator... operators) {
        return new FilterProperty(name, type, false, operators.length == 0 ? Set.of() : EnumSet.of(operators[0],
                operators), null);
    }

    /** A collection tested with {@code name/any(x: ...)}, its elements described by {@code elements}. */
    public static FilterProperty collection(String name, FilterSchema elements) {
        return new FilterProperty(name, FilterType.COLLECTION, false, Set.of(FilterOperator.ANY), elements);
    }

    /** This property, which may also be compared with {@code null} ({@code eq null}, {@code ne null}). */
    public FilterProperty orNull() {
        return new FilterProperty(name, type, true, operators, elements);
    }

    public boolean supports(FilterOperator operator) {
        return operators.contains(operator);
    }
}
