package dev.steward.directory.group.query;

import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.ReadModels;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.OwnersAdded;
import dev.steward.directory.group.api.OwnersRemoved;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code group_member} and {@code group_owner} in line with the membership events, in the same transaction
 * as the events (a subscribing processor). The aggregate only emits additions of absent ids and removals of present
 * ones, so plain batched inserts and deletes are exact. Added members' rows reach the database as
 * {@link BatchedWrites} decides.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class MembershipProjection {

    private static final String INSERT_MEMBER =
            "INSERT INTO group_member (group_id, member_id, member_type) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    MembershipProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MembersAdded event) {
        for (MemberRef member : event.members()) {
            writes.insert(INSERT_MEMBER, statement -> {
                statement.setString(1, event.groupId());
                statement.setString(2, member.id());
                statement.setString(3, member.type().graphName());
            });
        }
    }

    @EventHandler
    void on(MembersRemoved event) {
        writes.writeHeldRows();
        batch("DELETE FROM group_member WHERE group_id = ? AND member_id = ?",
                event.members().stream().map(MemberRef::id).map(id -> new Object[] {event.groupId(), id}).toList());
    }

    @EventHandler
    void on(OwnersAdded event) {
        batch("INSERT INTO group_owner (group_id, owner_id) VALUES (?, ?)",
                event.ownerIds().stream().map(id -> new Object[] {event.groupId(), id}).toList());
    }

    @EventHandler
    void on(OwnersRemoved event) {
        batch("DELETE FROM group_owner WHERE group_id = ? AND owner_id = ?",
                event.ownerIds().stream().map(id -> new Object[] {event.groupId(), id}).toList());
    }

    /** A deleted group leaves every group it was in, and its own members and owners go with it. */
    @EventHandler
    void on(GroupDeleted event) {
        writes.writeHeldRows();
        jdbc.update("DELETE FROM group_member WHERE group_id = ? OR member_id = ?", event.groupId(), event.groupId());
        jdbc.update("DELETE FROM group_owner WHERE group_id = ?", event.groupId());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
