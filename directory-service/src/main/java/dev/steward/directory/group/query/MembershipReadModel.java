package dev.steward.directory.group.query;

import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.platform.web.KeysetPage;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of {@code group_member} and {@code group_owner}: direct and transitive members, owners, and the reverse
 * (memberOf, ownedObjects). Pages are in id order after a cursor id, one row more than asked for so the caller
 * knows whether a next page exists. Nesting cycles cannot occur (the aggregate refuses them), and the recursive
 * queries use UNION so they end even if one did.
 */
@Service
@Transactional(readOnly = true)
public class MembershipReadModel {

    private static final RowMapper<MemberRef> MEMBER = (row, n) -> new MemberRef(row.getString(1),
            ObjectType.valueOf(row.getString(2).toUpperCase(java.util.Locale.ROOT)));

    private static final String TRANSITIVE_MEMBERS = """
            WITH RECURSIVE tm(id, object_type) AS (
                SELECT member_id, member_type FROM group_member WHERE group_id = :object
                UNION
                SELECT m.member_id, m.member_type FROM group_member m JOIN tm ON m.group_id = tm.id
                WHERE tm.object_type = 'group'
            )
            """;

    private static final String TRANSITIVE_MEMBER_OF = """
            WITH RECURSIVE up(id) AS (
                SELECT group_id FROM group_member WHERE member_id = :object
                UNION
                SELECT m.group_id FROM group_member m JOIN up ON m.member_id = up.id
            )
            """;

    private final NamedParameterJdbcTemplate jdbc;

    MembershipReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> ownerIds(String groupId) {
        return jdbc.queryForList("SELECT owner_id FROM group_owner WHERE group_id = :object ORDER BY owner_id",
                parameters(groupId, null, Integer.MAX_VALUE - 1), String.class);
    }

    public boolean isOwner(String groupId, String userId) {
        return userId != null && count("SELECT COUNT(*) FROM group_owner WHERE group_id = :object AND owner_id = :user",
                parameters(groupId, null, 0).addValue("user", userId)) > 0;
    }

    /** Direct members of one type ({@code GET .../members/microsoft.graph.user}); every type when null. */
    public List<MemberRef> members(String groupId, ObjectType type, String afterId, int top) {
        return jdbc.query("SELECT member_id, member_type FROM group_member WHERE group_id = :object"
                + ofType("member_type", type) + " AND member_id > :after ORDER BY member_id LIMIT :limit",
                parameters(groupId, afterId, top).addValue("type", typeName(type)), MEMBER);
    }

    public long countMembers(String groupId, ObjectType type) {
        return count("SELECT COUNT(*) FROM group_member WHERE group_id = :object" + ofType("member_type", type),
                parameters(groupId, null, 0).addValue("type", typeName(type)));
    }

    /** Members of one type, directly or through nested groups; every type when null. */
    public List<MemberRef> transitiveMembers(String groupId, ObjectType type, String afterId, int top) {
        return jdbc.query(TRANSITIVE_MEMBERS + "SELECT id, object_type FROM tm WHERE id > :after"
                + ofType("object_type", type) + " ORDER BY id LIMIT :limit",
                parameters(groupId, afterId, top).addValue("type", typeName(type)), MEMBER);
    }

    public long countTransitiveMembers(String groupId, ObjectType type) {
        return count(TRANSITIVE_MEMBERS + "SELECT COUNT(*) FROM tm WHERE TRUE" + ofType("object_type", type),
                parameters(groupId, null, 0).addValue("type", typeName(type)));
    }

    public List<String> owners(String groupId, String afterId, int top) {
        return jdbc.queryForList("SELECT owner_id FROM group_owner WHERE group_id = :object AND owner_id > :after"
                + " ORDER BY owner_id LIMIT :limit", parameters(groupId, afterId, top), String.class);
    }

    public long countOwners(String groupId) {
        return count("SELECT COUNT(*) FROM group_owner WHERE group_id = :object", parameters(groupId, null, 0));
    }

    /** The groups {@code objectId} (a user or a group) is a direct member of. */
    public List<String> memberOf(String objectId, String afterId, int top) {
        return jdbc.queryForList("SELECT group_id FROM group_member WHERE member_id = :object AND group_id > :after"
                + " ORDER BY group_id LIMIT :limit", parameters(objectId, afterId, top), String.class);
    }

    public long countMemberOf(String objectId) {
        return count("SELECT COUNT(*) FROM group_member WHERE member_id = :object", parameters(objectId, null, 0));
    }

    /** The groups {@code objectId} is a member of, directly or through nested groups. */
    public List<String> transitiveMemberOf(String objectId, String afterId, int top) {
        return jdbc.queryForList(TRANSITIVE_MEMBER_OF + "SELECT id FROM up WHERE id > :after ORDER BY id LIMIT :limit",
                parameters(objectId, afterId, top), String.class);
    }

    public long countTransitiveMemberOf(String objectId) {
        return count(TRANSITIVE_MEMBER_OF + "SELECT COUNT(*) FROM up", parameters(objectId, null, 0));
    }

    /** The groups a user owns. */
    public List<String> ownedGroups(String userId, String afterId, int top) {
        return jdbc.queryForList("SELECT group_id FROM group_owner WHERE owner_id = :object AND group_id > :after"
                + " ORDER BY group_id LIMIT :limit", parameters(userId, afterId, top), String.class);
    }

    public long countOwnedGroups(String userId) {
        return count("SELECT COUNT(*) FROM group_owner WHERE owner_id = :object", parameters(userId, null, 0));
    }

    private static String ofType(String column, ObjectType type) {
        return type == null ? "" : " AND " + column + " = :type";
    }

    private static String typeName(ObjectType type) {
        return type == null ? null : type.graphName();
    }

    private static MapSqlParameterSource parameters(String objectId, String afterId, int top) {
        return new MapSqlParameterSource("object", objectId)
                .addValue("after", afterId == null ? "" : afterId)
                .addValue("limit", KeysetPage.fetchSize(top));
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }
}
