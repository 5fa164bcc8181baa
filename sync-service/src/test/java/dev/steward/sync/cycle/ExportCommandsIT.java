package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.sync.testing.SyncServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The queue of commands awaiting the directory's answers, against PostgreSQL as a large cycle leaves it. */
class ExportCommandsIT extends SyncServiceIntegrationTest {

    private static final int ANSWERS = 500;

    @Autowired
    private ExportCommands exportCommands;
    @Autowired
    private TransactionTemplate transaction;

    /**
     * Every command sent leaves a dead row in {@code export_command} until PostgreSQL vacuums it (never, on a machine
     * without autovacuum; rarely during a burst): claiming a poll of answers must then still cost index probes, not a
     * scan of every command the cycle sent so far (which made a 5x estate's Initial cycle 2.8 times slower per object).
     */
    @Test
    void claimingAPollOfAnswersFromABloatedQueueReadsItByItsPrimaryKey() {
        String cycleId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO export_command (command_id, cycle_id, anchor, outcome, sent_at, previous_values) "
                        + "SELECT 'answered-' || g, ?, 'anchor', 'ADDED', CURRENT_TIMESTAMP, repeat('x', 300) "
                        + "FROM generate_series(1, 30000) AS g")
                .param(cycleId).update();
        jdbc.sql("DELETE FROM export_command WHERE cycle_id = ?").param(cycleId).update();
        // neither values nor a chunk (as a SyncDeletion): no later cycle of the other tests waits for their answers
        List<String> ids = IntStream.range(0, ANSWERS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        exportCommands.record(ids.stream().map(id -> new ExportCommands.SentCommand(id, cycleId,
                UUID.randomUUID().toString(), null, null, Outcome.ADDED)).toList());

        Map<String, Long> scans = transaction.execute(status -> {
            assertThat(exportCommands.claim(ids)).hasSize(ANSWERS).containsOnlyKeys(ids);
            return jdbc.sql("SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables "
                    + "WHERE relid = 'export_command'::regclass").query((rs, row) -> Map.of("seq", rs.getLong("seq_scan"),
                    "index", rs.getLong("idx_scan"))).single();
        });

        assertThat(scans.get("seq")).as("scans of the whole queue").isZero();
        assertThat(scans.get("index")).isGreaterThanOrEqualTo(ANSWERS / ExportCommands.CLAIM_SLICE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM export_command WHERE cycle_id = ?").param(cycleId)
                .query(Long.class).single()).as("claimed commands are taken out").isZero();
    }
}
