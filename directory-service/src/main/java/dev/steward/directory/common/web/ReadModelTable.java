package dev.steward.directory.common.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * The reads of one read-model entity (group_view, user_view) with JPA Criteria: by id, by ids, by an attribute
 * without regard to letter case, a keyset page of a {@code $filter} in {@code $orderby} order (the sort and the
 * "after this row" condition that belong together) and its count.
 */
public final class ReadModelTable<T> {

    private static final String ID = "id";

    private final EntityManager entityManager;
    private final Class<T> type;

    /** Reads through the entity manager of the caller's transaction (Spring's shared entity manager). */
    public ReadModelTable(EntityManagerFactory entityManagerFactory, Class<T> type) {
        this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(entityManager.find(type, id));
    }

    public List<T> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return select((root, query, cb) -> root.get(ID).in(ids), null, Integer.MAX_VALUE);
    }

    /** The first row, in id order, whose {@code attribute} equals {@code value} without regard to letter case. */
    public Optional<T> findFirstIgnoringCase(String attribute, String value) {
        String lowerCased = value.toLowerCase(Locale.ROOT);
        List<T> found = select((root, query, cb) -> cb.equal(cb.lower(root.get(attribute)), lowerCased), null, 1);
        return found.stream().findFirst();
    }

    /**
     * The first {@code limit} rows after {@code cursor} matching {@code where}, ordered by {@code orderBy}'s attribute
     * without regard to letter case (nulls first ascending, last descending), then by id in the same direction; by id
     * alone without {@code $orderby}.
     */
    public List<T> page(RowCondition<T> where, CollectionQuery.OrderBy orderBy, PageCursor cursor, int limit) {
        return select(where.and(after(orderBy, cursor)), orderBy, limit);
    }

    /** The rows after {@code cursor} in the order of {@link #page}; unrestricted on the first page (null). */
    private static <T> RowCondition<T> after(CollectionQuery.OrderBy orderBy, PageCursor cursor) {
        if (cursor == null) {
            return RowCondition.unrestricted();
        }
        String id = cursor.id();
        if (orderBy == null) {
            return (root, query, cb) -> cb.greaterThan(root.get("id"), id);
        }
        String key = cursor.sortKey();
        boolean descending = orderBy.descending();
        return (root, query, cb) -> {
            Path<String> attribute = root.get(orderBy.property());
            Path<String> rowId = root.get("id");
            Predicate idAfter = descending ? cb.lessThan(rowId, id) : cb.greaterThan(rowId, id);
            if (key == null) {
                // nulls come first ascending, last descending
                Predicate amongNulls = cb.and(cb.isNull(attribute), idAfter);
                return descending ? amongNulls : cb.or(amongNulls, cb.isNotNull(attribute));
            }
            Expression<String> value = cb.lower(attribute);
            Expression<String> last = cb.lower(cb.literal(key));
            Predicate beyond = descending ? cb.lessThan(value, last) : cb.greaterThan(value, last);
            Predicate after = cb.or(beyond, cb.and(cb.equal(value, last), idAfter));
            return descending ? cb.or(after, cb.isNull(attribute)) : after;
        };
    }

    public long count(RowCondition<T> where) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(type);
        query.select(cb.count(root));
        Predicate predicate = where.toPredicate(root, query, cb);
        if (predicate != null) {
            query.where(predicate);
        }
        return entityManager.createQuery(query).getSingleResult();
    }

    private List<T> select(RowCondition<T> where, CollectionQuery.OrderBy orderBy, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        Predicate predicate = where.toPredicate(root, query, cb);
        if (predicate != null) {
            query.where(predicate);
        }
        query.orderBy(order(root, cb, orderBy));
        return entityManager.createQuery(query).setMaxResults(limit).getResultList();
    }

    private static List<Order> order(Root<?> root, CriteriaBuilder cb, CollectionQuery.OrderBy orderBy) {
        if (orderBy == null) {
            return List.of(cb.asc(root.get(ID)));
        }
        Expression<String> attribute = cb.lower(root.get(orderBy.property()));
        return orderBy.descending()
                ? List.of(cb.desc(attribute, Nulls.LAST), cb.desc(root.get(ID)))
                : List.of(cb.asc(attribute, Nulls.FIRST), cb.asc(root.get(ID)));
    }
}
