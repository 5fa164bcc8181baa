package dev.steward.directory.group.command;

import dev.steward.directory.common.ReadModels;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.common.BatchedWrites;
import java.sql.ResultSet;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link DirectoryObjects} answered from the read tables, which the directory's subscribing projections keep in the
 * same transaction as the events (set-based validation). While a batch of Kafka commands runs, the types it looked
 * up are kept for the rest of the batch, and the users and groups it creates or deletes are added or forgotten as
 * their events are applied (this class is a subscribing event handler too), so a batch of membership commands asks
 * the database once instead of once per command.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class SqlDirectoryObjects implements DirectoryObjects {

    private static final Object KNOWN_TYPES = new Object();

    private static final String NESTED_IN = """
            WITH RECURSIVE nested(id) AS (
                SELECT member_id FROM group_member WHERE group_id = :container AND member_type = 'group'
                UNION
                SELECT m.member_id FROM group_member m JOIN nested n ON m.group_id = n.id
                WHERE m.member_type = 'group'
            )
            SELECT COUNT(*) FROM nested WHERE id = :group""";

    private static final String TYPES_OF = "SELECT u.id, 'u' FROM UNNEST(?) AS x(id) JOIN user_view u ON u.id = x.id "
            + "UNION ALL SELECT g.id, 'g' FROM UNNEST(?) AS x(id) JOIN group_view g ON g.id = x.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchedWrites writes;

    SqlDirectoryObjects(NamedParameterJdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Map<String, ObjectType> typesOf(Collection<String> ids) {
        Map<String, ObjectType> types = new HashMap<>();
        Map<String, ObjectType> known = knownInBatch();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            ObjectType type = known == null ? null : known.get(id);
            if (type != null) {
                types.put(id, type);
            } else {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return types;
        }
        writes.beforeRead();
        // one array parameter, not an IN list: one cached plan for any number of ids, index look-ups per id
        Object[] values = unknown.toArray();
        jdbc.getJdbcTemplate().query(TYPES_OF, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", values));
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", values));
        }, (ResultSet row) -> {
            types.put(row.getString(1), "u".equals(row.getString(2)) ? ObjectType.USER : ObjectType.GROUP);
        });
        if (known != null) {
            known.putAll(types);
        }
        return types;
    }

    @Override
    public boolean isNestedIn(String group, String container) {
        writes.beforeRead();
        Long count = jdbc.queryForObject(NESTED_IN,
                new MapSqlParameterSource("container", container).addValue("group", group), Long.class);
        return count != null && count > 0;
    }

    @EventHandler
    void on(UserCreated event) {
        created(event.user().id(), ObjectType.USER);
    }

    @EventHandler
    void on(CloudUserCreated event) {
        created(event.user().id(), ObjectType.USER);
    }

    @EventHandler
    void on(GroupCreated event) {
        created(event.group().id(), ObjectType.GROUP);
    }

    @EventHandler
    void on(UserDeleted event) {
        deleted(event.userId());
    }

    @EventHandler
    void on(GroupDeleted event) {
        deleted(event.groupId());
    }

    private void created(String id, ObjectType type) {
        Map<String, ObjectType> known = knownInBatch();
        if (known != null) {
            known.put(id, type);
        }
    }

    private void deleted(String id) {
        Map<String, ObjectType> known = knownInBatch();
        if (known != null) {
            known.remove(id);
        }
    }

    private Map<String, ObjectType> knownInBatch() {
        return writes.batchScoped(KNOWN_TYPES, HashMap::new);
    }
}
