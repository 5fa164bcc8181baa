package dev.steward.sync.cycle;

import dev.steward.contracts.Initiator;
import dev.steward.sync.support.Sequenced;
import dev.steward.sync.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored sync cycles, newest first by their sequence number. */
@Repository
public class SyncCycles {

    private static final String COLUMNS = "seq, id, policy_type, trigger_kind, status, requested_at, started_at, "
            + "completed_at, objects_added, objects_updated, objects_unchanged, objects_skipped, objects_failed, error, "
            + "initiator_user_id, initiator_upn, initiator_display_name, initiator_app_id, initiator_app_display_name, "
            + "progress_phase, progress_processed, progress_total, progress_errors, progress_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public SyncCycles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SyncCycle create(String id, PolicyType policyType, CycleTrigger trigger, Initiator initiator) {
        Initiator who = initiator == null ? new Initiator(null, null, null, null, null, null) : initiator;
        jdbc.sql("INSERT INTO sync_cycle (id, policy_type, trigger_kind, status, requested_at, objects_added, "
                        + "objects_updated, objects_unchanged, objects_skipped, objects_failed, initiator_user_id, "
                        + "initiator_upn, initiator_display_name, initiator_app_id, initiator_app_display_name) "
                        + "VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)")
                .params(id, policyType.wireName(), trigger.wireName(), CycleStatus.QUEUED.wireName(),
                        SqlTime.of(clock.instant()), who.userId(), who.userPrincipalName(), who.displayName(),
                        who.appId(), who.appDisplayName())
                .update();
        return find(id).orElseThrow();
    }

    /** The oldest queued cycle, now running on {@code runner}; empty if none is queued. */
    public Optional<SyncCycle> claimNext(String runner) {
        Optional<String> next = jdbc.sql("SELECT id FROM sync_cycle WHERE status = ? ORDER BY seq LIMIT 1")
                .param(CycleStatus.QUEUED.wireName()).query(String.class).optional();
        return next.filter(id -> jdbc.sql("UPDATE sync_cycle SET status = ?, started_at = ?, runner = ? "
                        + "WHERE id = ? AND status = ?")
                .params(CycleStatus.RUNNING.wireName(), SqlTime.of(clock.instant()), runner, id,
                        CycleStatus.QUEUED.wireName())
                .update() == 1).flatMap(this::find);
    }

    public void saveProgress(String id, CycleProgress progress) {
        jdbc.sql("UPDATE sync_cycle SET progress_phase = ?, progress_processed = ?, progress_total = ?, "
                        + "progress_errors = ?, progress_at = ? WHERE id = ?")
                .params(progress.phase(), progress.processed(), progress.total(), progress.errors(),
                        SqlTime.of(progress.updatedAt()), id)
                .update();
    }

    /**
     * Ends a cycle. Counts are added to what is stored, so rejections reported by the directory while the cycle was
     * still running are kept.
     */
    public void complete(String id, CycleStatus status, CycleCounts counts, String error) {
        jdbc.sql("UPDATE sync_cycle SET status = ?, completed_at = ?, objects_added = objects_added + ?, "
                        + "objects_updated = objects_updated + ?, objects_unchanged = objects_unchanged + ?, "
                        + "objects_skipped = objects_skipped + ?, objects_failed = objects_failed + ?, error = ? WHERE id = ?")
                .params(status.wireName(), SqlTime.of(clock.instant()), counts.added(), counts.updated(),
                        counts.unchanged(), counts.skipped(), counts.failed(), error, id)
                .update();
    }

    /** The directory rejected an export counted as {@code outcome}: it counts as failed instead. */
    public void recountAsFailed(String id, Outcome outcome) {
        jdbc.sql("UPDATE sync_cycle SET objects_failed = objects_failed + 1, " + outcome.column() + " = "
                + outcome.column() + " - 1 WHERE id = ?").param(id).update();
    }

    /** Cycles queued or running, on any instance. */
    public int countUnfinished() {
        return jdbc.sql("SELECT COUNT(*) FROM sync_cycle WHERE status IN (?, ?)")
                .params(CycleStatus.QUEUED.wireName(), CycleStatus.RUNNING.wireName()).query(Integer.class).single();
    }

    public boolean anyUnfinished() {
        return countUnfinished() > 0;
    }

    /** Whether a cycle of {@code trigger} is queued or running. */
    public boolean anyUnfinished(CycleTrigger trigger) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_cycle WHERE status IN (?, ?) AND trigger_kind = ?")
                .params(CycleStatus.QUEUED.wireName(), CycleStatus.RUNNING.wireName(), trigger.wireName())
                .query(Integer.class).single() > 0;
    }

    /** Whether a cycle of {@code trigger} was requested at or after {@code since}, by any instance. */
    public boolean requestedSince(CycleTrigger trigger, java.time.Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_cycle WHERE trigger_kind = ? AND requested_at >= ?")
                .params(trigger.wireName(), SqlTime.of(since)).query(Integer.class).single() > 0;
    }

    /** Cycles marked running, oldest first: with the runner's lease held, their runners stopped before finishing. */
    public List<SyncCycle> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_cycle WHERE status = ? ORDER BY seq")
                .param(CycleStatus.RUNNING.wireName()).query(SyncCycles::cycle).list();
    }

    public Optional<SyncCycle> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_cycle WHERE id = ?").param(id).query(SyncCycles::cycle).optional();
    }

    /** A page of cycles, newest first, older than the cycle with sequence {@code beforeSeq} when given. */
    public List<Sequenced<SyncCycle>> page(Long beforeSeq, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM sync_cycle" + (beforeSeq == null ? "" : " WHERE seq < ?")
                + " ORDER BY seq DESC LIMIT ?";
        var statement = jdbc.sql(sql);
        if (beforeSeq != null) {
            statement = statement.param(beforeSeq);
        }
        return statement.param(limit)
                .query((rs, row) -> new Sequenced<>(rs.getLong("seq"), cycle(rs, row))).list();
    }

    private static SyncCycle cycle(ResultSet rs, int row) throws SQLException {
        Initiator initiator = new Initiator(rs.getString("initiator_user_id"), rs.getString("initiator_upn"),
                rs.getString("initiator_display_name"), rs.getString("initiator_app_id"),
                rs.getString("initiator_app_display_name"), null);
        boolean nobody = initiator.userId() == null && initiator.appId() == null;
        Instant requestedAt = SqlTime.read(rs, "requested_at");
        String phase = rs.getString("progress_phase");
        CycleProgress progress = phase == null ? null : new CycleProgress(phase, rs.getInt("progress_processed"),
                (Integer) rs.getObject("progress_total", Integer.class), rs.getInt("progress_errors"),
                SqlTime.read(rs, "progress_at"));
        return new SyncCycle(
                rs.getString("id"),
                PolicyType.fromWireName(rs.getString("policy_type")),
                CycleTrigger.fromWireName(rs.getString("trigger_kind")),
                CycleStatus.fromWireName(rs.getString("status")),
                requestedAt,
                SqlTime.read(rs, "started_at"),
                SqlTime.read(rs, "completed_at"),
                new CycleCounts(rs.getInt("objects_added"), rs.getInt("objects_updated"), rs.getInt("objects_unchanged"),
                        rs.getInt("objects_skipped"), rs.getInt("objects_failed")),
                rs.getString("error"),
                nobody ? null : initiator,
                progress);
    }
}
