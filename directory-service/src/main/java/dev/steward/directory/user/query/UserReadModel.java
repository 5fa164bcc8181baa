package dev.steward.directory.user.query;

import dev.steward.directory.common.ReadYourWrites;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.FilterSpecifications;
import dev.steward.directory.common.web.FilterSpecifications.Filterable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the user projection. */
@Service
@Transactional(readOnly = true)
public class UserReadModel {

    /** The user properties {@code $filter} accepts. */
    public static final Map<String, Filterable> FILTERABLE = Map.of(
            "id", Filterable.string("id", false),
            "userPrincipalName", Filterable.string("userPrincipalName", true),
            "displayName", Filterable.string("displayName", true),
            "mail", Filterable.string("mail", true),
            "onPremisesSamAccountName", Filterable.string("onPremisesSamAccountName", true),
            "onPremisesSecurityIdentifier", Filterable.string("onPremisesSecurityIdentifier", false));

    /** The user aggregate's type in the event store (its simple class name). */
    private static final String AGGREGATE_TYPE = "User";

    private final UserViewRepository users;
    private final ReadYourWrites readYourWrites;

    UserReadModel(UserViewRepository users, ReadYourWrites readYourWrites) {
        this.users = users;
        this.readYourWrites = readYourWrites;
    }

    /** Waits until the projection shows every event of the user, so a read after a sync sees it. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void awaitProjected(String userId) {
        readYourWrites.await(userId, AGGREGATE_TYPE,
                () -> users.findById(userId).map(UserView::getAggregateVersion).orElse(-1L));
    }

    public Optional<UserView> find(String id) {
        return users.findById(id);
    }

    public List<UserView> page(CollectionQuery query) {
        Specification<UserView> matching = FilterSpecifications.<UserView>of(query.filter(), FILTERABLE, "User")
                .and(FilterSpecifications.idAfter(query.afterId()));
        return users.findBy(matching, q -> q.sortBy(Sort.by("id")).limit(query.top() + 1).all());
    }

    public long count(CollectionQuery query) {
        return users.count(FilterSpecifications.of(query.filter(), FILTERABLE, "User"));
    }
}
