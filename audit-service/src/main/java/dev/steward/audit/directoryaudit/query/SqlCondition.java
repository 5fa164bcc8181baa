package dev.steward.audit.directoryaudit.query;

import dev.steward.audit.directoryaudit.query.AuditFilter.Condition;
import dev.steward.audit.directoryaudit.query.AuditFilter.FieldCondition;
import dev.steward.audit.directoryaudit.query.AuditFilter.TargetCondition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter as a SQL condition on {@code directory_audit a} with positional parameters. Values from the request
 * only ever become parameters; the SQL text is built from {@link FilterField} columns and fixed operators.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    /** The escape character of {@code LIKE} patterns. */
    static final char LIKE_ESCAPE = '\\';

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    public static SqlCondition of(AuditFilter filter) {
        if (filter.conditions().isEmpty()) {
            return new SqlCondition("1 = 1", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Condition condition : filter.conditions()) {
            if (condition instanceof FieldCondition field) {
                parts.add(comparison(field.field().column(), field.operator()));
                parameters.add(parameter(field.operator(), field.value()));
            } else if (condition instanceof TargetCondition target) {
                parts.add("EXISTS (SELECT 1 FROM directory_audit_target t WHERE t.audit_id = a.id AND "
                        + comparison(target.field().column(), target.operator()) + ")");
                parameters.add(parameter(target.operator(), target.value()));
            }
        }
        return new SqlCondition(String.join(" AND ", parts), parameters);
    }

    private static String comparison(String column, FilterOperator operator) {
        return switch (operator) {
            case EQ -> column + " = ?";
            case GE -> column + " >= ?";
            case LE -> column + " <= ?";
            case GT -> column + " > ?";
            case LT -> column + " < ?";
            case STARTS_WITH -> column + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
        };
    }

    private static Object parameter(FilterOperator operator, Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (operator == FilterOperator.STARTS_WITH) {
            return likePrefix(value.toString());
        }
        return value;
    }

    /** A {@code LIKE} pattern matching strings that start with {@code prefix} taken literally. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 2);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
