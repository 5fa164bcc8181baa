package dev.steward.audit.directoryaudit.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A parsed {@code $filter}: conditions that must all hold. An empty filter matches every entry. */
public record AuditFilter(List<Condition> conditions) {

    public static final AuditFilter ALL = new AuditFilter(List.of());

    public AuditFilter {
        conditions = List.copyOf(conditions);
    }

    /** One test of an entry. */
    public sealed interface Condition permits FieldCondition, TargetCondition {
    }

    /**
     * A test of an entry property.
     *
     * @param value a {@link String}, or an {@link Instant} for date-time fields
     */
    public record FieldCondition(FilterField field, FilterOperator operator, Object value) implements Condition {
        public FieldCondition {
            Objects.requireNonNull(field);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
        }
    }

    /** {@code targetResources/any(t: t/<field> <operator> value)}: some target of the entry passes the test. */
    public record TargetCondition(FilterField.Target field, FilterOperator operator, String value) implements Condition {
        public TargetCondition {
            Objects.requireNonNull(field);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
        }
    }
}
