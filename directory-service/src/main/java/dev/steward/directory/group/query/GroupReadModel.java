package dev.steward.directory.group.query;

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

/** Reads of the group projection, and the wait that lets a request see its own write. */
@Service
@Transactional(readOnly = true)
public class GroupReadModel {

    private final GroupViewRepository groups;

    GroupReadModel(GroupViewRepository groups) {
        this.groups = groups;
    }

    public Optional<GroupView> find(String id) {
        return groups.findById(id);
    }

    /** The groups among {@code ids}, keyed by id. */
    public Map<String, GroupView> findAll(Collection<String> ids) {
        Map<String, GroupView> found = new HashMap<>();
        groups.findAllById(ids).forEach(group -> found.put(group.getId(), group));
        return found;
    }

    /**
     * One page in {@code $orderby} order (id order without it), one row more than asked for so the caller knows
     * whether a next page exists.
     */
    public List<GroupView> page(CollectionQuery query) {
        Specification<GroupView> matching = GroupFilter.SPECIFICATIONS.specification(query.filter())
                .and(FilterSpecifications.after(query.orderBy(), query.after()));
        return groups.findBy(matching, q -> q.sortBy(FilterSpecifications.sort(query.orderBy()))
                .limit(query.top() + 1).all());
    }

    public long count(CollectionQuery query) {
        return groups.count(GroupFilter.SPECIFICATIONS.specification(query.filter()));
    }
}
