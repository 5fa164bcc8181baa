package dev.steward.directory.group.query;

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
 * ones, so plain batched inserts and deletes are exact.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class MembershipProjection {

    private final JdbcTemplate jdbc;

    MembershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MembersAdded event) {
        batch("INSERT INTO group_member (group_id, member_id, member_type) VALUES (?, ?, ?)",
                event.members().stream()
                        .map(member -> new Object[] {event.groupId(), member.id(), member.type().graphName()})
                        .toList());
    }

    @EventHandler
    void on(MembersRemoved event) {
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
        jdbc.update("DELETE FROM group_member WHERE group_id = ? OR member_id = ?", event.groupId(), event.groupId());
        jdbc.update("DELETE FROM group_owner WHERE group_id = ?", event.groupId());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
