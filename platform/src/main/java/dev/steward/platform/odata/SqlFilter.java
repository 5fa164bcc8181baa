package dev.steward.platform.odata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a {@code $filter} to a parameterised {@link SqlCondition} over columns a service declares: the audit
 * log and the sync engine's provisioning log use it. Strings compare as the database compares them
 * ({@code startswith} is a {@code LIKE} with its wildcards escaped); date-times are UTC
 * {@link java.time.OffsetDateTime}s; {@code any} is an {@code EXISTS} subquery. A negated condition also holds
 * where a nullable column is null. The {@code OR} of several conditions is always parenthesised, so the condition
 * can be joined to more SQL with {@code AND}.
 */
public final class SqlFilter extends FilterTranslator<SqlCondition> {

    /** The escape character of {@code LIKE} patterns. */
    public static final char LIKE_ESCAPE = '\\';

    private final Map<String, String> columns;
    private final Map<String, Exists> collections;

    private SqlFilter(FilterSchema schema, Map<String, String> columns, Map<String, Exists> collections) {
        super(schema);
        this.columns = columns;
        this.collections = collections;
    }

    /** A filter over {@code schema}'s properties; name the column (or subquery) of each of them. */
    public static Builder of(FilterSchema schema) {
        return new Builder(schema);
    }

    /** The condition of {@code expression}; {@link SqlCondition#ALL} when there is none (null). */
    public SqlCondition condition(FilterExpression expression) {
        return expression == null ? SqlCondition.ALL : translate(expression);
    }

    /** A {@code LIKE} pattern matching strings that start with {@code prefix} taken literally. */
    public static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 2);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    @Override
    protected SqlCondition compare(FilterProperty property, FilterOperator operator, Object value, boolean negated) {
        String column = column(property);
        if (value == null) {
            boolean isNull = operator == FilterOperator.EQ != negated;
            return new SqlCondition(column + (isNull ? " IS NULL" : " IS NOT NULL"), List.of());
        }
        String sql = switch (operator) {
            case EQ -> column + (negated ? " <> ?" : " = ?");
            case NE -> column + (negated ? " = ?" : " <> ?");
            case GT -> negated ? "NOT (" + column + " > ?)" : column + " > ?";
            case GE -> negated ? "NOT (" + column + " >= ?)" : column + " >= ?";
            case LT -> negated ? "NOT (" + column + " < ?)" : column + " < ?";
            case LE -> negated ? "NOT (" + column + " <= ?)" : column + " <= ?";
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
        boolean holdsForNull = property.nullable() && (negated != (operator == FilterOperator.NE));
        return new SqlCondition(holdsForNull ? "(" + sql + " OR " + column + " IS NULL)" : sql, List.of(value));
    }

    @Override
    protected SqlCondition in(FilterProperty property, List<Object> values, boolean negated) {
        String column = column(property);
        String sql = column + (negated ? " NOT IN (" : " IN (") + String.join(", ", Collections.nCopies(values.size(), "?"))
                + ")";
        return new SqlCondition(orNull(sql, column, property, negated), values);
    }

    @Override
    protected SqlCondition startsWith(FilterProperty property, String prefix, boolean negated) {
        String column = column(property);
        String sql = column + (negated ? " NOT LIKE ? ESCAPE '" : " LIKE ? ESCAPE '") + LIKE_ESCAPE + "'";
        return new SqlCondition(orNull(sql, column, property, negated), List.of(likePrefix(prefix)));
    }

    @Override
    protected SqlCondition any(FilterProperty collection, FilterExpression condition, boolean negated) {
        Exists exists = collections.get(key(collection.name()));
        SqlCondition inner = exists.elements().translate(condition);
        String sql = (negated ? "NOT EXISTS (" : "EXISTS (") + exists.subquery() + " AND " + inner.sql() + ")";
        return new SqlCondition(sql, inner.parameters());
    }

    @Override
    protected SqlCondition and(List<SqlCondition> operands) {
        return join(operands, " AND ", "", "");
    }

    @Override
    protected SqlCondition or(List<SqlCondition> operands) {
        return join(operands, " OR ", "(", ")");
    }

    private static SqlCondition join(List<SqlCondition> operands, String connective, String open, String close) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (SqlCondition operand : operands) {
            parts.add(operand.sql());
            parameters.addAll(operand.parameters());
        }
        return new SqlCondition(open + String.join(connective, parts) + close, parameters);
    }

    private static String orNull(String sql, String column, FilterProperty property, boolean negated) {
        return negated && property.nullable() ? "(" + sql + " OR " + column + " IS NULL)" : sql;
    }

    private String column(FilterProperty property) {
        return columns.get(key(property.name()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private record Exists(String subquery, SqlFilter elements) {
    }

    public static final class Builder {

        private final FilterSchema schema;
        private final Map<String, String> columns = new HashMap<>();
        private final Map<String, Exists> collections = new HashMap<>();

        private Builder(FilterSchema schema) {
            this.schema = schema;
        }

        /** The column (with its table alias) holding {@code property}. */
        public Builder column(String property, String column) {
            columns.put(key(property), column);
            return this;
        }

        /**
         * The collection {@code property}: {@code any} becomes {@code EXISTS (<subquery> AND <condition>)}, the
         * condition translated by {@code elements}; e.g. {@code SELECT 1 FROM target t WHERE t.owner_id = a.id}.
         */
        public Builder exists(String property, String subquery, SqlFilter elements) {
            collections.put(key(property), new Exists(subquery, elements));
            return this;
        }

        /** The filter; every property of the schema must have its column or subquery. */
        public SqlFilter build() {
            for (FilterProperty property : schema.properties().values()) {
                boolean mapped = property.type() == FilterType.COLLECTION ? collections.containsKey(key(property.name()))
                        : columns.containsKey(key(property.name()));
                if (!mapped) {
                    throw new IllegalStateException("no column for the filterable property " + property.name());
                }
            }
            return new SqlFilter(schema, Map.copyOf(columns), Map.copyOf(collections));
        }
    }
}
