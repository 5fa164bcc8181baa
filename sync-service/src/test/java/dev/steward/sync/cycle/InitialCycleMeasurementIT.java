package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import dev.steward.sync.ldap.LdapConnector;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Measures (prints; asserts the outcome, not the time) an Initial cycle of a few thousand objects against the in-memory
 * directory and the fake directory service, next to the connector's own read of the same directory. Unlike the other
 * integration tests it runs with the service's defaults (pages of 500 entries, batches of 200 objects), so it has a
 * context of its own; run it alone, with {@code -Dsteward.bench=true}.
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true",
        disabledReason = "a measurement, not a test: run with -Dsteward.bench=true")
@TestPropertySource(properties = {"steward.sync.ldap.page-size=500", "steward.sync.export.batch-size=200",
        "steward.sync.export.max-in-flight=200"})
class InitialCycleMeasurementIT extends SyncServiceIntegrationTest {

    private static final int USERS = Integer.getInteger("measure.users", 3_000);
    private static final int GROUPS = Integer.getInteger("measure.groups", 300);
    private static final int MEMBERS_PER_GROUP = 20;

    @Autowired
    private LdapConnector connector;
    @Value("${steward.sync.ldap.page-size}")
    private int pageSize;
    @Value("${steward.sync.export.batch-size}")
    private int batchSize;

    @Test
    void measuresAnInitialCycleOfAFewThousandObjects() throws Exception {
        assertThat(pageSize).isEqualTo(500);
        assertThat(batchSize).isEqualTo(200);
        awaitIdle();
        List<String> userCns = IntStream.range(0, USERS).mapToObj(i -> String.format("Measure-%05d", i)).toList();
        List<String> groupCns = new ArrayList<>();
        try {
            for (String cn : userCns) {
                addUser(cn);
            }
            String lastGroup = null;
            for (int g = 0; g < GROUPS; g++) {
                int first = g * MEMBERS_PER_GROUP;
                String cn = String.format("Measure-Group-%04d", g);
                String[] members = IntStream.range(0, MEMBERS_PER_GROUP)
                        .mapToObj(m -> userDn(userCns.get((first + m) % USERS))).toArray(String[]::new);
                lastGroup = addGroup(cn, userDn(userCns.get(g)), members);
                groupCns.add(cn);
            }

            long readStart = System.nanoTime();
            int read = connector.readAll().read().users().size();
            Duration readTime = Duration.ofNanos(System.nanoTime() - readStart);

            long cycleStart = System.nanoTime();
            JsonNode cycle = runCycle("Initial", Duration.ofMinutes(10));
            Duration cycleTime = Duration.ofNanos(System.nanoTime() - cycleStart);

            JsonNode counts = cycle.get("counts");
            int objects = counts.get("added").asInt() + counts.get("updated").asInt() + counts.get("unchanged").asInt();
            System.out.printf("MEASURED Initial cycle of %d objects (%d users, %d groups of %d members): %d ms until "
                            + "the directory answered every command (%.0f objects/s); the connector's read of the "
                            + "directory (%d users, pages of %d): %d ms; ratio %.1f%n", objects, USERS, GROUPS, MEMBERS_PER_GROUP,
                    cycleTime.toMillis(), objects * 1000.0 / Math.max(1, cycleTime.toMillis()), read,
                    pageSize, readTime.toMillis(), cycleTime.toMillis() / (double) Math.max(1, readTime.toMillis()));

            assertThat(counts.get("failed").asInt()).isZero();
            assertThat(objects).isGreaterThanOrEqualTo(USERS + GROUPS);
            assertThat(connectorSpaceRepository.exportedMembership(lastGroup).memberIds()).hasSize(MEMBERS_PER_GROUP);
        } finally {
            for (String cn : groupCns) {
                delete(groupDn(cn));
            }
            for (String cn : userCns) {
                delete(userDn(cn));
            }
        }
    }

    private static void delete(String dn) {
        try {
            TestDirectory.server().delete(dn);
        } catch (LDAPException e) {
            // not added
        }
    }
}
