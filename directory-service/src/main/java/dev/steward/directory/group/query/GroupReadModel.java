package dev.steward.directory.group.query;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.FilterSpecifications;
import dev.steward.directory.common.web.FilterSpecifications.Filterable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the group projection, and the wait that lets a request see its own write. */
@Service
@Transactional(readOnly = true)
public class GroupReadModel {

    /** The group properties {@code $filter} accepts. */
    public static final Map<String, Filterable> FILTERABLE = Map.of(
            "id", Filterable.string("id", false),
            "displayName", Filterable.string("displayName", true),
            "mailNickname", Filterable.string("mailNickname", true),
            "mail", Filterable.string("mail", true),
            "onPremisesSamAccountName", Filterable.string("onPremisesSamAccountName", true),
            "onPremisesSecurityIdentifier", Filterable.string("onPremisesSecurityIdentifier", false),
            "securityIdentifier", Filterable.string("securityIdentifier", false),
            "mailEnabled", Filterable.bool("mailEnabled"),
            "securityEnabled", Filterable.bool("securityEnabled"),
            "onPremisesSyncEnabled", Filterable.nullableBool("onPremisesSyncEnabled"));

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

    /** One page in id order, one row more than asked for so the caller knows whether a next page exists. */
    public List<GroupView> page(CollectionQuery query) {
        Specification<GroupView> matching = FilterSpecifications.<GroupView>of(query.filter(), FILTERABLE, "Group")
                .and(FilterSpecifications.idAfter(query.afterId()));
        return groups.findBy(matching, q -> q.sortBy(Sort.by("id")).limit(query.top() + 1).all());
    }

    public long count(CollectionQuery query) {
        return groups.count(FilterSpecifications.of(query.filter(), FILTERABLE, "Group"));
    }
}
