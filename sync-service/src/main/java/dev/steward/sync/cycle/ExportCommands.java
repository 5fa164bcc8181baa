package dev.steward.sync.cycle;

import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.export.LicenceChange;
import dev.steward.sync.export.MembershipChange;
import dev.steward.sync.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The export commands sent, so that the result the directory reports later can be traced to its cycle and object:
 * a rejection counts as failed, and a membership chunk is recorded as exported only once it succeeded.
 */
@Repository
public class ExportCommands {

    private static final String SENT_COLUMNS = "command_id, cycle_id, anchor, exported_hash, membership_change, outcome, "
            + "previous_values, licence_change";
    private static final String EARLIER_UNANSWERED = " FROM export_command WHERE cycle_id <> ? "
            + "AND (membership_change IS NOT NULL OR exported_hash IS NOT NULL OR licence_change IS NOT NULL)";

    /** Ids per look-up when answers are claimed ({@link #claim}). */
    static final int CLAIM_SLICE = 32;

    /** How long a command waits for its result before it is forgotten. */
    static final Duration RETENTION = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public ExportCommands(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * One batched insert, in the caller's transaction if there is one. The commands must be committed before any of
     * them is sent: the directory's answer must find its command (and every other command of the same object).
     */
    @Transactional
    public void record(List<SentCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        var sentAt = SqlTime.of(clock.instant());
        batch.batchUpdate("INSERT INTO export_command (command_id, cycle_id, anchor, exported_hash, membership_change, "
                        + "outcome, sent_at, previous_values, licence_change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                commands.stream().map(command -> new Object[] {command.commandId(), command.cycleId(),
                        command.anchor(), command.exportedHash(),
                        command.membershipChange() == null ? null : ExportedValues.toJson(command.membershipChange()),
                        command.outcome().name(), sentAt, command.previousValues(),
                        command.licenceChange() == null ? null : ExportedValues.toJson(command.licenceChange())})
                        .toList());
    }

    /**
     * Takes the answered commands out of the table and returns them: their rows are locked and deleted in the caller's
     * transaction (the row of a command is its answer's idempotency record). An id without a row (answered before,
     * another service's command, forgotten) is left out; a transaction claiming a command another one claimed waits
     * for it and gets nothing once it committed, or the row if it rolled back.
     * <p>
     * The ids are looked up {@value #CLAIM_SLICE} at a time, in id order (the lock order of every claim). The table is
     * a queue: every command ever sent leaves a dead row until PostgreSQL vacuums it, so during a large cycle its heap
     * holds tens of thousands of dead rows for a few hundred live ones. Asked for a whole poll of answers (hundreds of
     * ids) at once, the planner found a scan of that whole heap cheaper than as many index probes, and every poll then
     * cost time in proportion to the commands the cycle had sent so far; a short list is always cheaper by the index.
     *
     * @return the commands claimed, by command id
     */
    @Transactional
    public Map<String, SentCommand> claim(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return Map.of();
        }
        List<String> sorted = List.copyOf(new TreeSet<>(commandIds));
        Map<String, SentCommand> claimed = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += CLAIM_SLICE) {
            List<String> slice = sorted.subList(from, Math.min(sorted.size(), from + CLAIM_SLICE));
            String ids = String.join(", ", Collections.nCopies(slice.size(), "?"));
            jdbc.sql("SELECT " + SENT_COLUMNS + " FROM export_command WHERE command_id IN (" + ids + ") ORDER BY "
                            + "command_id FOR UPDATE").params(slice).query(ExportCommands::sentCommand)
                    .list().forEach(command -> claimed.put(command.commandId(), command));
        }
        forget(claimed.keySet());
        return claimed;
    }

    /** The object's commands of that cycle that await a result count as failed already. */
    public void markFailed(String cycleId, String anchor) {
        jdbc.sql("UPDATE export_command SET outcome = ? WHERE cycle_id = ? AND anchor = ?")
                .params(Outcome.FAILED.name(), cycleId, anchor).update();
    }

    /**
     * Waits until the directory has answered every SyncUser / SyncGroup the cycle sent (answered commands are
     * forgotten), or {@code timeout} passed.
     *
     * @return true when all were answered
     */
    public boolean awaitObjectsAnswered(String cycleId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Long open = jdbc.sql("SELECT COUNT(*) FROM export_command WHERE cycle_id = ? AND membership_change IS NULL "
                    + "AND licence_change IS NULL AND outcome <> ?").params(cycleId, Outcome.FAILED.name()).query(Long.class).single();
            if (open == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Forgets commands whose answer nothing waits for: never sent (the producer refused them, the broker did not
     * acknowledge them), or of objects whose rows were rolled back.
     */
    public void forget(Collection<String> commandIds) {
        if (commandIds.isEmpty()) {
            return;
        }
        batch.batchUpdate("DELETE FROM export_command WHERE command_id = ?",
                commandIds.stream().map(id -> new Object[] {id}).toList());
    }

    /**
     * Waits until the directory has answered every SyncUser, SyncGroup and membership chunk sent by earlier cycles, or
     * {@code timeout} passed. A cycle calls it before it compares: an export the directory applied is then what the
     * connector space holds, and is not sent again. (Deletions are not waited for.)
     *
     * @return true when all were answered; otherwise {@link #claimEarlierUnanswered} takes the others
     */
    public boolean awaitEarlierAnswered(String cycleId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jdbc.sql("SELECT COUNT(*)" + EARLIER_UNANSWERED).param(cycleId).query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Takes (locks, deletes and returns, in the caller's transaction) the SyncUser, SyncGroup and membership commands
     * of earlier cycles still unanswered.
     */
    @Transactional
    public List<SentCommand> claimEarlierUnanswered(String cycleId) {
        List<SentCommand> unanswered = jdbc.sql("SELECT " + SENT_COLUMNS + EARLIER_UNANSWERED
                + " ORDER BY command_id FOR UPDATE").param(cycleId).query(ExportCommands::sentCommand).list();
        forget(unanswered.stream().map(SentCommand::commandId).toList());
        return unanswered;
    }

    public int forgetOlderThanRetention() {
        return jdbc.sql("DELETE FROM export_command WHERE sent_at < ?")
                .param(SqlTime.of(clock.instant().minus(RETENTION))).update();
    }

    private static SentCommand sentCommand(ResultSet rs, int row) throws SQLException {
        return new SentCommand(rs.getString("command_id"), rs.getString("cycle_id"), rs.getString("anchor"),
                rs.getString("exported_hash"), membershipChange(rs.getString("membership_change")),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("previous_values"),
                licenceChange(rs.getString("licence_change")));
    }

    private static LicenceChange licenceChange(String json) {
        return json == null ? null : ExportedValues.fromJson(json, new TypeReference<LicenceChange>() { });
    }

    private static MembershipChange membershipChange(String json) {
        return json == null ? null : ExportedValues.fromJson(json, new TypeReference<MembershipChange>() { });
    }

    /**
     * One export command.
     *
     * @param exportedHash     the hash of the values a SyncUser / SyncGroup exported; null for a membership chunk
     * @param membershipChange the chunk a SyncGroupMembership carried; null for other commands
     * @param outcome          how the cycle counted the object; {@link Outcome#FAILED} once one of its commands of
     *                         that cycle was rejected
     * @param previousValues   for a SyncUser / SyncGroup: the values (JSON) the connector space held before it (null if
     *                         none), put back if the directory refuses the export
     * @param licenceChange    the licences an AssignLicense added and removed; null for other commands
     */
    public record SentCommand(String commandId, String cycleId, String anchor, String exportedHash,
                              MembershipChange membershipChange, Outcome outcome, String previousValues,
                              LicenceChange licenceChange) {

        /** A {@code SyncDeletion}: neither values, membership nor licences. */
        public boolean isDeletion() {
            return exportedHash == null && membershipChange == null && licenceChange == null;
        }

        /** Any command but an AssignLicense. */
        public SentCommand(String commandId, String cycleId, String anchor, String exportedHash,
                           MembershipChange membershipChange, Outcome outcome, String previousValues) {
            this(commandId, cycleId, anchor, exportedHash, membershipChange, outcome, previousValues, null);
        }

        /** A membership chunk, a deletion, or an export of values that replaces nothing. */
        public SentCommand(String commandId, String cycleId, String anchor, String exportedHash,
                           MembershipChange membershipChange, Outcome outcome) {
            this(commandId, cycleId, anchor, exportedHash, membershipChange, outcome, null);
        }
    }
}
