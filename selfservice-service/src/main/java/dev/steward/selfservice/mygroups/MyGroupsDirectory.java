package dev.steward.selfservice.mygroups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The group ids the My Groups lists are built from, in id order, for paging. */
@Repository
class MyGroupsDirectory {

    private final JdbcTemplate jdbc;

    MyGroupsDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> allAfter(String afterId, int limit) {
        return jdbc.queryForList("SELECT id FROM directory_group WHERE id > ? ORDER BY id LIMIT ?", String.class,
                afterId == null ? "" : afterId, limit);
    }

    List<String> memberOfAfter(String userId, String afterId, int limit) {
        return jdbc.queryForList("SELECT group_id FROM directory_group_member WHERE member_id = ? AND group_id > ? "
                + "ORDER BY group_id LIMIT ?", String.class, userId, afterId == null ? "" : afterId, limit);
    }

    List<String> ownedAfter(String userId, String afterId, int limit) {
        return jdbc.queryForList("SELECT group_id FROM directory_group_owner WHERE owner_id = ? AND group_id > ? "
                + "ORDER BY group_id LIMIT ?", String.class, userId, afterId == null ? "" : afterId, limit);
    }

    /**
     * A group's direct members after {@code afterId}, in id order, as Graph lists them: a user with
     * {@code userPrincipalName}, a group, or (neither announced by the directory, e.g. a device) a bare
     * {@code directoryObject}.
     */
    List<Map<String, Object>> membersAfter(String groupId, String afterId, int limit) {
        return jdbc.query("SELECT m.member_id, u.id AS user_id, u.display_name AS user_name, u.user_principal_name, "
                        + "g.id AS group_id, g.display_name AS group_name FROM directory_group_member m "
                        + "LEFT JOIN directory_user u ON u.id = m.member_id "
                        + "LEFT JOIN directory_group g ON g.id = m.member_id "
                        + "WHERE m.group_id = ? AND m.member_id > ? ORDER BY m.member_id LIMIT ?",
                (rs, row) -> {
                    Map<String, Object> member = new LinkedHashMap<>();
                    if (rs.getString("user_id") != null) {
                        member.put("@odata.type", "#microsoft.graph.user");
                        member.put("id", rs.getString("member_id"));
                        member.put("displayName", rs.getString("user_name"));
                        member.put("userPrincipalName", rs.getString("user_principal_name"));
                    } else if (rs.getString("group_id") != null) {
                        member.put("@odata.type", "#microsoft.graph.group");
                        member.put("id", rs.getString("member_id"));
                        member.put("displayName", rs.getString("group_name"));
                    } else {
                        member.put("@odata.type", "#microsoft.graph.directoryObject");
                        member.put("id", rs.getString("member_id"));
                    }
                    return member;
                }, groupId, afterId == null ? "" : afterId, limit);
    }

    boolean hasOpenRequest(String groupId, String userId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE pending_key = ?",
                Integer.class, groupId + "|" + userId);
        return count != null && count > 0;
    }
}
