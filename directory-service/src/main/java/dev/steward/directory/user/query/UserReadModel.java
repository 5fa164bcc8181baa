package dev.steward.directory.user.query;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.ReadModelTable;
import dev.steward.platform.web.KeysetPage;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the user projection. */
@Service
@Transactional(readOnly = true)
public class UserReadModel {

    private final ReadModelTable<UserView> users;

    UserReadModel(EntityManagerFactory entityManagerFactory) {
        this.users = new ReadModelTable<>(entityManagerFactory, UserView.class);
    }

    public Optional<UserView> find(String id) {
        return users.find(id);
    }

    /** Graph's {@code /users/{id | userPrincipalName}}: the principal name matched without regard to case. */
    public Optional<UserView> findByIdOrPrincipalName(String idOrPrincipalName) {
        if (idOrPrincipalName.contains("@")) {
            return users.findFirstIgnoringCase("userPrincipalName", idOrPrincipalName);
        }
        return users.find(idOrPrincipalName.toLowerCase(java.util.Locale.ROOT));
    }

    /** The users among {@code ids}, keyed by id. */
    public Map<String, UserView> findAll(Collection<String> ids) {
        Map<String, UserView> found = new HashMap<>();
        users.findAll(ids).forEach(user -> found.put(user.getId(), user));
        return found;
    }

    /**
     * One page in {@code $orderby} order (id order without it), one row more than asked for so the caller knows
     * whether a next page exists.
     */
    public List<UserView> page(CollectionQuery query) {
        return users.page(UserFilter.CONDITIONS.condition(query.filter()), query.orderBy(), query.after(),
                KeysetPage.fetchSize(query.top()));
    }

    public long count(CollectionQuery query) {
        return users.count(UserFilter.CONDITIONS.condition(query.filter()));
    }
}
