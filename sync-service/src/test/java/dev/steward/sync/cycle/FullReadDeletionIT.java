package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.sync.provisioning.AdDeletions;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deletions seen by a full read: the in-memory directory offers neither DirSync nor uSNChanged, so every cycle reads
 * everything, and an object it no longer returns is deleted in the cloud.
 */
class FullReadDeletionIT extends SyncServiceIntegrationTest {

    @Test
    void aUserAndAGroupAFullReadNoLongerFindsAreDeletedInTheCloudOnce() throws Exception {
        awaitIdle();
        String userAnchor = addUser("FullRead-Gone");
        String groupAnchor = addGroup("FullRead-Gone-Group", null, userDn("FullRead-Gone"));
        String stayingAnchor = addGroup("FullRead-Staying", null, userDn("Alice"));
        runCycle("Delta");

        TestDirectory.server().delete(groupDn("FullRead-Gone-Group"));
        TestDirectory.server().delete(userDn("FullRead-Gone"));
        JsonNode delta = runCycle("Delta");
        String cycleId = delta.get("id").asString();

        assertThat(commandsOf(cycleId)).filteredOn(SyncDeletion.class::isInstance).map(SyncDeletion.class::cast)
                .extracting(SyncDeletion::anchor, SyncDeletion::objectType, SyncDeletion::objectId)
                .containsExactlyInAnyOrder(
                        tuple(userAnchor, "user", DirectoryIds.fromAnchor(userAnchor)),
                        tuple(groupAnchor, "group", DirectoryIds.fromAnchor(groupAnchor)));
        assertThat(jdbc.sql("SELECT log_action, status, source_id, reason FROM provisioning_log "
                        + "WHERE cycle_id = ? AND log_action = ?").params(cycleId, AdDeletions.ACTION_DELETE)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()).containsExactlyInAnyOrder(
                        List.of(AdDeletions.ACTION_DELETE, AdDeletions.STATUS_PENDING, userAnchor,
                                AdDeletions.LEFT_SCOPE_REASON),
                        List.of(AdDeletions.ACTION_DELETE, AdDeletions.STATUS_PENDING, groupAnchor,
                                AdDeletions.LEFT_SCOPE_REASON));
        // The (fake) directory confirmed both: their connector-space entries are gone, the others stay.
        await().atMost(Duration.ofSeconds(10)).until(() -> connectorSpaceRepository.findByAnchor(userAnchor).isEmpty()
                && connectorSpaceRepository.findByAnchor(groupAnchor).isEmpty());
        assertThat(connectorSpaceRepository.findByAnchor(stayingAnchor)).isPresent();
        assertThat(connectorSpaceRepository.findByAnchor(TestDirectory.ALICE_GUID)).isPresent();

        JsonNode next = runCycle("Initial");
        assertThat(commandsOf(next.get("id").asString())).noneMatch(SyncDeletion.class::isInstance);
    }
}
