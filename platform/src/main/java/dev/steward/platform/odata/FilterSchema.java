package dev.steward.platform.odata;

import dev.steward.platform.web.GraphException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a resource answers in {@code $filter}: its properties (matched without regard to letter case, as Graph
 * does) and the connectives it allows. The element schema of a collection says what its {@code any} lambda may
 * test; {@link PropertyPath#ELEMENT} names the element of a collection of primitives.
 *
 * @param resource the resource name used in error messages, e.g. {@code Group}
 */
public record FilterSchema(String resource, Set<LogicalOperator> connectives, Map<String, FilterProperty> properties) {

    public FilterSchema {
        connectives = connectives.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(connectives));
        Map<String, FilterProperty> byName = new LinkedHashMap<>();
        properties.values().forEach(p -> byName.put(p.name().toLowerCase(Locale.ROOT), p));
        properties = Collections.unmodifiableMap(byName);
    }

    public static FilterSchema of(String resource, Set<LogicalOperator> connectives, List<FilterProperty> properties) {
        Map<String, FilterProperty> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return new FilterSchema(resource, connectives, byName);
    }

    /** The property at {@code path}; a 400 {@code Request_UnsupportedQuery} if the resource does not list it. */
    public FilterProperty property(PropertyPath path) {
        FilterProperty property = properties.get(path.name().toLowerCase(Locale.ROOT));
        if (property == null) {
            throw unsupported(path, null);
        }
        return property;
    }

    /** The property at {@code path} if it answers {@code operator}; a 400 otherwise. */
    public FilterProperty property(PropertyPath path, FilterOperator operator) {
        FilterProperty property = property(path);
        if (!property.supports(operator)) {
            throw unsupported(path, "the operator '" + operator.odataName() + "' is not supported on it");
        }
        return property;
    }

    /** A 400 {@code Request_UnsupportedQuery} unless the resource allows {@code connective}. */
    public void check(LogicalOperator connective) {
        if (!connectives.contains(connective)) {
            throw FilterErrors.unsupported("The operator '" + connective.odataName() + "' is not supported in a "
                    + "$filter on " + resource + "."
                    + (connective != LogicalOperator.AND && connectives.contains(LogicalOperator.AND)
                    ? " Combine conditions with 'and'." : ""));
        }
    }

    FilterSchema elementsOf(String collection) {
        FilterProperty property = properties.get(collection.toLowerCase(Locale.ROOT));
        return property == null ? null : property.elements();
    }

    GraphException unsupported(PropertyPath path, String detail) {
        return FilterErrors.unsupported("Unsupported or invalid query filter clause specified for property '"
                + path.text() + "' of resource '" + resource + "'" + (detail == null ? "." : ": " + detail + "."));
    }
}
