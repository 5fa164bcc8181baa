package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import jakarta.persistence.criteria.Expression;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns {@code $filter} clauses into a JPA query on a read model. String comparisons ignore letter case, as
 * Graph's do. A property the resource does not list, or an operator it does not allow on it, is a 400.
 */
public final class FilterSpecifications {

    /** How one Graph property can be filtered: the entity attribute and its kind. */
    public record Filterable(String attribute, Kind kind, boolean startsWith) {

        public enum Kind { STRING, BOOLEAN, NULLABLE_BOOLEAN }

        public static Filterable string(String attribute, boolean startsWith) {
            return new Filterable(attribute, Kind.STRING, startsWith);
        }

        public static Filterable bool(String attribute) {
            return new Filterable(attribute, Kind.BOOLEAN, false);
        }

        public static Filterable nullableBool(String attribute) {
            return new Filterable(attribute, Kind.NULLABLE_BOOLEAN, false);
        }
    }

    private FilterSpecifications() {
    }

    public static <T> Specification<T> of(List<FilterClause> clauses, Map<String, Filterable> properties,
                                          String resource) {
        Specification<T> all = Specification.unrestricted();
        for (FilterClause clause : clauses) {
            all = all.and(clause(clause, properties, resource));
        }
        return all;
    }

    public static <T> Specification<T> idAfter(String afterId) {
        return afterId == null ? Specification.unrestricted()
                : (root, query, cb) -> cb.greaterThan(root.get("id"), afterId);
    }

    private static <T> Specification<T> clause(FilterClause clause, Map<String, Filterable> properties,
                                               String resource) {
        Filterable property = properties.get(clause.property());
        if (property == null || !accepts(property, clause)) {
            throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                    "Unsupported or invalid query filter clause specified for property '" + clause.property()
                            + "' of resource '" + resource + "'.");
        }
        Object value = clause.value();
        return (root, query, cb) -> {
            if (value == FilterParser.Null.INSTANCE) {
                return cb.isNull(root.get(property.attribute()));
            }
            if (property.kind() != Filterable.Kind.STRING) {
                return cb.equal(root.get(property.attribute()), value);
            }
            Expression<String> column = cb.lower(root.get(property.attribute()));
            String text = ((String) value).toLowerCase(Locale.ROOT);
            return clause.operator() == FilterClause.Operator.STARTS_WITH
                    ? cb.like(column, escapeLike(text) + "%", '\\')
                    : cb.equal(column, text);
        };
    }

    private static boolean accepts(Filterable property, FilterClause clause) {
        Object value = clause.value();
        if (clause.operator() == FilterClause.Operator.STARTS_WITH) {
            return property.kind() == Filterable.Kind.STRING && property.startsWith();
        }
        return switch (property.kind()) {
            case STRING -> value instanceof String || value == FilterParser.Null.INSTANCE;
            case BOOLEAN -> value instanceof Boolean;
            case NULLABLE_BOOLEAN -> value instanceof Boolean || value == FilterParser.Null.INSTANCE;
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
