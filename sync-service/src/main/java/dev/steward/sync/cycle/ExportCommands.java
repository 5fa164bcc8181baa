package dev.steward.sync.cycle;

import dev.steward.sync.support.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export commands sent, so that a rejection the directory reports later can be traced to its cycle and object.
 */
@Repository
public class ExportCommands {

    /** How long a command waits for its result before it is forgotten. */
    static final Duration RETENTION = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    public ExportCommands(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Committed on its own, before the command is sent: the directory's answer may arrive before the cycle's
     * transaction for the object commits, and must find the command.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String commandId, String cycleId, String anchor, String exportedHash, Outcome outcome) {
        jdbc.sql("INSERT INTO export_command (command_id, cycle_id, anchor, exported_hash, outcome, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(commandId, cycleId, anchor, exportedHash, outcome.name(), SqlTime.of(clock.instant()))
                .update();
    }

    public Optional<SentCommand> find(String commandId) {
        return jdbc.sql("SELECT command_id, cycle_id, anchor, exported_hash, outcome FROM export_command WHERE command_id = ?")
                .param(commandId)
                .query((rs, row) -> new SentCommand(rs.getString("command_id"), rs.getString("cycle_id"),
                        rs.getString("anchor"), rs.getString("exported_hash"), Outcome.valueOf(rs.getString("outcome"))))
                .optional();
    }

    public void forget(String commandId) {
        jdbc.sql("DELETE FROM export_command WHERE command_id = ?").param(commandId).update();
    }

    public int forgetOlderThanRetention() {
        return jdbc.sql("DELETE FROM export_command WHERE sent_at < ?")
                .param(SqlTime.of(clock.instant().minus(RETENTION))).update();
    }

    public record SentCommand(String commandId, String cycleId, String anchor, String exportedHash, Outcome outcome) {
    }
}
