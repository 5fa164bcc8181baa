package dev.steward.sync.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import dev.steward.sync.testing.TestDirectory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Licences synced from AD ({@code steward.sync.licences.attribute}, here {@code carLicense}): the sync engine sends
 * the directory's {@code AssignLicense} with the differences between the SKUs AD holds and those it added before, after
 * the user's {@code SyncUser}. Its own context (the attribute is configured), so its own broker and database schema.
 */
@TestPropertySource(properties = "steward.sync.licences.attribute=carLicense")
class SyncLicencesIT extends SyncServiceIntegrationTest {

    static final String P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    static final String P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";
    static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    static final String E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";

    @Test
    void aFirstCycleAssignsEveryAdLicenceAfterTheUsersSyncUser() throws Exception {
        String userId = userWithLicences("Lic First", P1.toUpperCase(), P2 + ";" + E3);

        String cycle = runCycle("Delta").get("id").asString();

        List<ContractCommand> commands = commandsOf(cycle);
        int syncUser = indexOf(commands, SyncUser.class, userId);
        int assign = indexOf(commands, AssignLicense.class, userId);
        assertThat(syncUser).as("SyncUser of the user").isNotNegative();
        assertThat(assign).as("AssignLicense after the user's SyncUser").isGreaterThan(syncUser);
        AssignLicense command = (AssignLicense) commands.get(assign);
        assertThat(command.key()).isEqualTo(userId);
        assertThat(command.addLicenses()).extracting(AssignedLicense::skuId).containsExactly(P1, E3, P2); // sorted
        assertThat(command.addLicenses()).allSatisfy(licence -> assertThat(licence.disabledPlans()).isEmpty());
        assertThat(command.removeLicenses()).isEmpty();

        String next = runCycle("Delta").get("id").asString();
        assertThat(assignLicensesOf(next, userId)).as("nothing changed in AD, nothing sent").isEmpty();
    }

    @Test
    void aDeltaSendsOnlyTheLicencesAddedAndRemovedInAd() throws Exception {
        String userId = userWithLicences("Lic Delta", P1, P2);
        runCycle("Delta");

        setLicences("Lic Delta", P2 + "," + E3);
        String cycle = runCycle("Delta").get("id").asString();

        List<AssignLicense> sent = assignLicensesOf(cycle, userId);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).addLicenses()).extracting(AssignedLicense::skuId).containsExactly(E3);
        assertThat(sent.get(0).removeLicenses()).containsExactly(P1);
        assertThat(commandsOf(cycle)).noneMatch(c -> c instanceof SyncUser user && user.key().equals(userId));
        assertThat(connectorSpaceRepository.exportedLicences(anchorOf(userId))).containsExactlyInAnyOrder(P2, E3);
    }

    @Test
    void aLicenceAssignedOnlyInTheCloudIsNeverRemoved() throws Exception {
        // E5 was assigned in the cloud by an administrator: AD never held it, so the sync engine never exported it.
        String userId = userWithLicences("Lic Cloud", P1);
        runCycle("Delta");

        setLicences("Lic Cloud");
        String cycle = runCycle("Delta").get("id").asString();

        List<AssignLicense> sent = assignLicensesOf(cycle, userId);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).removeLicenses()).containsExactly(P1).doesNotContain(E5);
        assertThat(sent.get(0).addLicenses()).isEmpty();
        String next = runCycle("Initial").get("id").asString();
        assertThat(assignLicensesOf(next, userId)).as("the cloud's own licences are left alone").isEmpty();
    }

    @Test
    void aRemovalTheDirectoryRefusesAsNotHeldIsConvergedAndTheAdditionsAreSentAgain() throws Exception {
        String userId = userWithLicences("Lic Refused", P1);
        runCycle("Delta");

        // An administrator removed P1 in the cloud meanwhile: the directory refuses the whole command.
        setLicences("Lic Refused", E3);
        directory().rejectNext(AssignLicense.class, userId, "Request_BadRequest",
                "User does not have a corresponding license.");
        String refused = runCycle("Delta").get("id").asString();
        assertThat(assignLicensesOf(refused, userId)).singleElement()
                .satisfies(c -> assertThat(c.removeLicenses()).containsExactly(P1));
        assertThat(body(getAs(ADMIN, "/sync/cycles/{id}", refused)).get("counts").get("failed").asInt())
                .as("a converged refusal is no failure").isZero();

        String next = runCycle("Delta").get("id").asString();
        List<AssignLicense> again = assignLicensesOf(next, userId);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).addLicenses()).extracting(AssignedLicense::skuId).containsExactly(E3);
        assertThat(again.get(0).removeLicenses()).as("P1 is gone: not removed again").isEmpty();
        assertThat(assignLicensesOf(runCycle("Delta").get("id").asString(), userId)).isEmpty();
    }

    @Test
    void anotherRefusalCountsAsFailedAndTheSameDifferenceIsSentAgain() throws Exception {
        String userId = userWithLicences("Lic Retry", P2);
        directory().rejectNext(AssignLicense.class, userId, "Request_ResourceNotFound", "Resource not found.");
        String refused = runCycle("Delta").get("id").asString();
        assertThat(body(getAs(ADMIN, "/sync/cycles/{id}", refused)).get("counts").get("failed").asInt()).isEqualTo(1);

        List<AssignLicense> again = assignLicensesOf(runCycle("Delta").get("id").asString(), userId);
        assertThat(again).singleElement()
                .satisfies(c -> assertThat(c.addLicenses()).extracting(AssignedLicense::skuId).containsExactly(P2));
    }

    @Test
    void aValueThatIsNoGuidIsSkippedAndRecordedOnce() throws Exception {
        String userId = userWithLicences("Lic Bad", P1 + ", not-a-sku", "E3-Licence");

        String cycle = runCycle("Delta").get("id").asString();

        assertThat(assignLicensesOf(cycle, userId)).singleElement().satisfies(c -> {
            assertThat(c.addLicenses()).extracting(AssignedLicense::skuId).containsExactly(P1);
            assertThat(c.removeLicenses()).isEmpty();
        });
        List<Map<String, Object>> entries = jdbc.sql("SELECT log_action, status, reason, modified_properties "
                + "FROM provisioning_log WHERE target_id = ?").param(userId).query().listOfRows();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("log_action")).isEqualTo("Skip");
            assertThat(entry.get("status")).isEqualTo("skipped");
            assertThat((String) entry.get("reason")).contains("'not-a-sku'", "'E3-Licence'", "carLicense", "GUID");
            assertThat((String) entry.get("modified_properties")).contains("assignedLicenses");
        });

        runCycle("Initial");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provisioning_log WHERE target_id = ?").param(userId)
                .query(Long.class).single()).as("the same values are recorded once").isEqualTo(1);
    }

    // ---- helpers

    /** A new user under CN=Users with these {@code carLicense} values; returns its cloud id. */
    static String userWithLicences(String cn, String... values) throws LDAPException {
        String anchor = addUser(cn);
        setLicences(cn, values);
        return DirectoryIds.fromAnchor(anchor);
    }

    /** Replaces the user's {@code carLicense} values; none removes the attribute. */
    static void setLicences(String cn, String... values) throws LDAPException {
        TestDirectory.server().modify(userDn(cn), new Modification(ModificationType.REPLACE, "carLicense", values));
    }

    String anchorOf(String cloudId) {
        return connectorSpaceRepository.findByCloudId(cloudId).orElseThrow().anchor();
    }

    List<AssignLicense> assignLicensesOf(String cycleId, String userId) {
        return commandsOf(cycleId).stream().filter(AssignLicense.class::isInstance).map(AssignLicense.class::cast)
                .filter(c -> c.userId().equals(userId)).toList();
    }

    static int indexOf(List<ContractCommand> commands, Class<? extends ContractCommand> type, String key) {
        for (int i = 0; i < commands.size(); i++) {
            if (type.isInstance(commands.get(i)) && commands.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
