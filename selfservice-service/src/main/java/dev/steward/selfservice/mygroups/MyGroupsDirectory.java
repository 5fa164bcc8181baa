package dev.steward.selfservice.mygroups;

import java.util.List;
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

    boolean hasOpenRequest(String groupId, String userId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM membership_request WHERE pending_key = ?",
                Integer.class, groupId + "|" + userId);
        return count != null && count > 0;
    }
}
