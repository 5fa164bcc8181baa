package dev.steward.directory.common.web;

import dev.steward.platform.odata.FilterExpression;
import dev.steward.platform.odata.FilterOperator;
import dev.steward.platform.odata.FilterProperty;
import dev.steward.platform.odata.FilterSchema;
import dev.steward.platform.odata.FilterTranslator;
import dev.steward.platform.odata.FilterType;
import dev.steward.platform.odata.PropertyPath;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code $filter} tree into a {@link RowCondition} on a read model (group_view, user_view). String
 * comparisons ignore letter case, as Graph's do; a negated condition also holds where the attribute is null
 * ({@code not (onPremisesSyncEnabled eq true)} finds cloud groups, whose value is null). A collection of strings
 * stored as a JSON array ({@code groupTypes}) answers {@code any(c: c eq 'Unified')}. Values are always bound as
 * parameters.
 */
public final class FilterConditions<T> extends FilterTranslator<RowCondition<T>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char LIKE_ESCAPE = '\\';

    private final Map<String, String> attributes;
    private final Map<String, String> jsonArrays;

    private FilterConditions(FilterSchema schema, Map<String, String> attributes, Map<String, String> jsonArrays) {
        super(schema);
        this.attributes = attributes;
        this.jsonArrays = jsonArrays;
    }

    /** A translator for {@code schema}; name the entity attribute of each property. */
    public static <T> Builder<T> of(FilterSchema schema) {
        return new Builder<>(schema);
    }

    /** The condition of {@code filter}; unrestricted when there is none (null). */
    public RowCondition<T> condition(FilterExpression filter) {
        return filter == null ? RowCondition.unrestricted() : translate(filter);
    }

    @Override
    protected RowCondition<T> compare(FilterProperty property, FilterOperator operator, Object value,
                                       boolean negated) {
        String name = attribute(property);
        return (root, query, cb) -> {
            Path<Object> path = root.get(name);
            if (value == null) {
                return operator == FilterOperator.EQ != negated ? cb.isNull(path) : cb.isNotNull(path);
            }
            Predicate predicate = comparison(cb, operand(root, cb, property, name), operator, comparable(property, value));
            Predicate condition = negated ? cb.not(predicate) : predicate;
            boolean holdsForNull = property.nullable() && negated != (operator == FilterOperator.NE);
            return holdsForNull ? cb.or(condition, cb.isNull(path)) : condition;
        };
    }

    @Override
    protected RowCondition<T> in(FilterProperty property, List<Object> values, boolean negated) {
        String name = attribute(property);
        List<Object> comparable = values.stream().<Object>map(v -> comparable(property, v)).toList();
        return (root, query, cb) -> {
            Predicate in = operand(root, cb, property, name).in(comparable);
            return negated ? orNull(cb, cb.not(in), root.get(name), property) : in;
        };
    }

    @Override
    protected RowCondition<T> startsWith(FilterProperty property, String prefix, boolean negated) {
        String name = attribute(property);
        String pattern = escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%";
        return (root, query, cb) -> {
            Expression<String> column = cb.lower(root.get(name));
            return negated ? orNull(cb, cb.notLike(column, pattern, LIKE_ESCAPE), root.get(name), property)
                    : cb.like(column, pattern, LIKE_ESCAPE);
        };
    }

    @Override
    protected RowCondition<T> any(FilterProperty collection, FilterExpression condition, boolean negated) {
        String name = jsonArrays.get(key(collection.name()));
        RowCondition<T> contains = new JsonArrayElements<T>(collection.elements(), name).translate(condition);
        return negated
                ? (root, query, cb) -> cb.or(cb.not(contains.toPredicate(root, query, cb)), cb.isNull(root.get(name)))
                : contains;
    }

    @Override
    protected RowCondition<T> and(List<RowCondition<T>> operands) {
        return RowCondition.allOf(operands);
    }

    @Override
    protected RowCondition<T> or(List<RowCondition<T>> operands) {
        return RowCondition.anyOf(operands);
    }

    private String attribute(FilterProperty property) {
        return attributes.get(key(property.name()));
    }

    @SuppressWarnings("unchecked")
    private static Expression<Comparable<Object>> operand(Root<?> root, CriteriaBuilder cb, FilterProperty property,
                                                          String name) {
        if (property.type() == FilterType.STRING) {
            return (Expression<Comparable<Object>>) (Expression<?>) cb.lower(root.get(name));
        }
        return root.get(name);
    }

    /** Strings lower-cased, to compare with the lower-cased column. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(FilterProperty property, Object value) {
        Object comparable = property.type() == FilterType.STRING ? ((String) value).toLowerCase(Locale.ROOT) : value;
        return (Comparable<Object>) comparable;
    }

    private static Predicate comparison(CriteriaBuilder cb, Expression<Comparable<Object>> column,
                                        FilterOperator operator, Comparable<Object> value) {
        return switch (operator) {
            case EQ -> cb.equal(column, value);
            case NE -> cb.notEqual(column, value);
            case GT -> cb.greaterThan(column, value);
            case GE -> cb.greaterThanOrEqualTo(column, value);
            case LT -> cb.lessThan(column, value);
            case LE -> cb.lessThanOrEqualTo(column, value);
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
    }

    private static Predicate orNull(CriteriaBuilder cb, Predicate negated, Path<?> path, FilterProperty property) {
        return property.nullable() ? cb.or(negated, cb.isNull(path)) : negated;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The condition of {@code collection/any(c: c eq 'x')} on a list of strings stored as a JSON array: the
     * column holds {@code "x"}, compared without regard to letter case. The element schema allows {@code eq} and
     * {@code in} on the element itself and no connectives, so nothing else reaches it.
     */
    private static final class JsonArrayElements<T> extends FilterTranslator<RowCondition<T>> {

        private final String attribute;

        JsonArrayElements(FilterSchema elements, String attribute) {
            super(elements);
            this.attribute = attribute;
        }

        @Override
        protected RowCondition<T> compare(FilterProperty property, FilterOperator operator, Object value,
                                           boolean negated) {
            if (operator != FilterOperator.EQ || negated || !PropertyPath.ELEMENT.equals(property.name())) {
                throw new IllegalStateException("the element schema admits only eq on the element");
            }
            String pattern = "%" + escapeLike(JSON.writeValueAsString(value).toLowerCase(Locale.ROOT)) + "%";
            return (root, query, cb) -> cb.like(cb.lower(root.get(attribute).as(String.class)), pattern, LIKE_ESCAPE);
        }

        @Override
        protected RowCondition<T> in(FilterProperty property, List<Object> values, boolean negated) {
            List<RowCondition<T>> each = new ArrayList<>();
            values.forEach(value -> each.add(compare(property, FilterOperator.EQ, value, negated)));
            return RowCondition.anyOf(each);
        }

        @Override
        protected RowCondition<T> startsWith(FilterProperty property, String prefix, boolean negated) {
            throw new IllegalStateException("the element schema admits no startswith");
        }

        @Override
        protected RowCondition<T> any(FilterProperty collection, FilterExpression condition, boolean negated) {
            throw new IllegalStateException("the element schema admits no collection");
        }

        @Override
        protected RowCondition<T> and(List<RowCondition<T>> operands) {
            return RowCondition.allOf(operands);
        }

        @Override
        protected RowCondition<T> or(List<RowCondition<T>> operands) {
            return RowCondition.anyOf(operands);
        }
    }

    public static final class Builder<T> {

        private final FilterSchema schema;
        private final Map<String, String> attributes = new HashMap<>();
        private final Map<String, String> jsonArrays = new HashMap<>();

        private Builder(FilterSchema schema) {
            this.schema = schema;
        }

        /** The entity attribute holding {@code property}. */
        public Builder<T> attribute(String property, String attribute) {
            attributes.put(key(property), attribute);
            return this;
        }

        /** The collection {@code property}, a list of strings the entity keeps as a JSON array in {@code attribute}. */
        public Builder<T> jsonArray(String property, String attribute) {
            jsonArrays.put(key(property), attribute);
            return this;
        }

        /** The translator; every property of the schema must have its attribute. */
        public FilterConditions<T> build() {
            for (FilterProperty property : schema.properties().values()) {
                Map<String, String> where = property.type() == FilterType.COLLECTION ? jsonArrays : attributes;
                if (!where.containsKey(key(property.name()))) {
                    throw new IllegalStateException("no attribute for the filterable property " + property.name());
                }
            }
            return new FilterConditions<>(schema, Map.copyOf(attributes), Map.copyOf(jsonArrays));
        }
    }
}
