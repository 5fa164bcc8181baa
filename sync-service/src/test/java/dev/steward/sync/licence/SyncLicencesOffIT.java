package dev.steward.sync.licence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.command.SyncUser;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The default: without {@code steward.sync.licences.attribute} no licence is read or sent (the shared context). */
class SyncLicencesOffIT extends SyncServiceIntegrationTest {

    @Test
    void withoutALicenceAttributeNothingLicenceRelatedIsSent() throws Exception {
        String userId = SyncLicencesIT.userWithLicences("Lic Off", SyncLicencesIT.P1);

        String cycle = runCycle("Delta").get("id").asString();

        assertThat(commandsOf(cycle)).anyMatch(c -> c instanceof SyncUser user && user.key().equals(userId));
        assertThat(commandsOf(cycle)).noneMatch(AssignLicense.class::isInstance);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exported_licence").query(Long.class).single()).isZero();
    }
}
