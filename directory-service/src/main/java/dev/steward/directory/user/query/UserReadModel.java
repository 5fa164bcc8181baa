package dev.steward.directory.user.query;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.FilterSpecifications;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the user projection. */
@Service
@Transactional(readOnly = true)
public class UserReadModel {

    private final UserViewRepository users;

    UserReadModel(UserViewRepository users) {
        this.users = users;
    }

    public Optional<UserView> find(String id) {
        return users.findById(id);
    }

    /** Graph's {@code /users/{id | userPrincipalName}}: the principal name matched without regard to case. */
    public Optional<UserView> findByIdOrPrincipalName(String idOrPrincipalName) {
        if (idOrPrincipalName.contains("@")) {
            return users.findFirstByUserPrincipalNameIgnoreCase(idOrPrincipalName);
        }
        return users.findById(idOrPrincipalName.toLowerCase(java.util.Locale.ROOT));
    }

    /** The users among {@code ids}, keyed by id. */
    public Map<String, UserView> findAll(Collection<String> ids) {
        Map<String, UserView> found = new HashMap<>();
        users.findAllById(ids).forEach(user -> found.put(user.getId(), user));
        return found;
    }

    /**
     * One page in {@code $orderby} order (id order without it), one row more than asked for so the caller knows
     * whether a next page exists.
     */
    public List<UserView> page(CollectionQuery query) {
        Specification<UserView> matching = UserFilter.SPECIFICATIONS.specification(query.filter())
                .and(FilterSpecifications.after(query.orderBy(), query.after()));
        return users.findBy(matching, q -> q.sortBy(FilterSpecifications.sort(query.orderBy()))
                .limit(query.top() + 1).all());
    }

    public long count(CollectionQuery query) {
        return users.count(UserFilter.SPECIFICATIONS.specification(query.filter()));
    }
}
