package dev.steward.directory.common.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A condition on the rows of a read model, built as a JPA Criteria predicate when a query runs. A null predicate
 * means no restriction ({@link #unrestricted()}); combinations leave such operands out.
 */
@FunctionalInterface
public interface RowCondition<T> {

    Predicate toPredicate(Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb);

    static <T> RowCondition<T> unrestricted() {
        return (root, query, cb) -> null;
    }

    static <T> RowCondition<T> allOf(List<RowCondition<T>> operands) {
        return combined(operands, (cb, predicates) -> cb.and(predicates));
    }

    static <T> RowCondition<T> anyOf(List<RowCondition<T>> operands) {
        return combined(operands, (cb, predicates) -> cb.or(predicates));
    }

    default RowCondition<T> and(RowCondition<T> other) {
        return allOf(List.of(this, other));
    }

    private static <T> RowCondition<T> combined(List<RowCondition<T>> operands,
                                                BiFunction<CriteriaBuilder, Predicate[], Predicate> combiner) {
        List<RowCondition<T>> all = List.copyOf(operands);
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>(all.size());
            for (RowCondition<T> operand : all) {
                Predicate predicate = operand.toPredicate(root, query, cb);
                if (predicate != null) {
                    predicates.add(predicate);
                }
            }
            if (predicates.isEmpty()) {
                return null;
            }
            return predicates.size() == 1 ? predicates.get(0) : combiner.apply(cb, predicates.toArray(Predicate[]::new));
        };
    }
}
