package dev.steward.directory.group.query;

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

/** Reads of the group projection, and the wait that lets a request see its own write. */
@Service
@Transactional(readOnly = true)
public class GroupReadModel {

    private final ReadModelTable<GroupView> groups;

    GroupReadModel(EntityManagerFactory entityManagerFactory) {
        this.groups = new ReadModelTable<>(entityManagerFactory, GroupView.class);
    }

    public Optional<GroupView> find(String id) {
        return groups.find(id);
    }

    /** The groups among {@code ids}, keyed by id. */
    public Map<String, GroupView> findAll(Collection<String> ids) {
        Map<String, GroupView> found = new HashMap<>();
        groups.findAll(ids).forEach(group -> found.put(group.getId(), group));
        return found;
    }

    /**
     * One page in {@code $orderby} order (id order without it), one row more than asked for so the caller knows
     * whether a next page exists.
     */
    public List<GroupView> page(CollectionQuery query) {
        return groups.page(GroupFilter.CONDITIONS.condition(query.filter()), query.orderBy(), query.after(),
                KeysetPage.fetchSize(query.top()));
    }

    public long count(CollectionQuery query) {
        return groups.count(GroupFilter.CONDITIONS.condition(query.filter()));
    }
}
