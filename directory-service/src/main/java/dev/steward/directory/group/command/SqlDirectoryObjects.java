package dev.steward.directory.group.command;

import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.common.BatchedWrites;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link DirectoryObjects} answered from the read tables, which the directory's subscribing projections keep in the
 * same transaction as the events (set-based validation).
 */
@Component
class SqlDirectoryObjects implements DirectoryObjects {

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
        if (ids.isEmpty()) {
            return types;
        }
        writes.beforeRead();
        // one array parameter, not an IN list: one cached plan for any number of ids, index look-ups per id
        Object[] values = ids.toArray();
        jdbc.getJdbcTemplate().query(TYPES_OF, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", values));
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", values));
        }, (ResultSet row) -> {
            types.put(row.getString(1), "u".equals(row.getString(2)) ? ObjectType.USER : ObjectType.GROUP);
        });
        return types;
    }

    @Override
    public boolean isNestedIn(String group, String container) {
        writes.beforeRead();
        Long count = jdbc.queryForObject(NESTED_IN,
                new MapSqlParameterSource("container", container).addValue("group", group), Long.class);
        return count != null && count > 0;
    }
}
