package dev.steward.audit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.retention.AuditRetention;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.MembersAdded;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code steward.audit.retention=3650d}, checked every second, 7 entries per delete (see the base class). */
class RetentionIT extends PostgresAndKafkaTest {

    @Autowired
    AuditProjector projector;
    @Autowired
    AuditRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deletesEntriesOlderThanTheRetentionInTheBackgroundAndKeepsNewerOnes() {
        String corr = UUID.randomUUID().toString();
        String groupId = UUID.randomUUID().toString();
        DirectoryObjectRef[] members = new DirectoryObjectRef[20];
        for (int i = 0; i < members.length; i++) {
            members[i] = DirectoryObjectRef.user(UUID.randomUUID().toString());
        }
        MembersAdded old = TestEvents.membersAdded(TestEvents.metadata(groupId, corr,
                Instant.parse("2001-06-01T00:00:00Z"), TestEvents.ADMIN), groupId, false, members);
        MembersAdded recent = TestEvents.membersAdded(TestEvents.metadata(groupId, corr,
                Instant.now().minus(Duration.ofDays(3000)), TestEvents.ADMIN), groupId, false, members[0]);

        projector.project(old);
        projector.project(recent);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT id FROM directory_audit WHERE correlation_id = ?", String.class, corr))
                .as("20 old entries deleted in batches of 7, the one within ten years kept").hasSize(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit_target t JOIN directory_audit a "
                + "ON a.id = t.audit_id WHERE a.correlation_id = ?", Long.class, corr)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit_target WHERE target_id = ?", Long.class,
                members[1].id())).as("target rows go with their entry").isZero();
    }

    @Test
    void deletesNothingNewerThanTheCutoff() {
        String corr = UUID.randomUUID().toString();
        projector.project(TestEvents.sourceOfAuthority(TestEvents.metadata(TestEvents.GROUP_ID, corr,
                Instant.parse("2026-02-01T00:00:00Z"), TestEvents.ADMIN), TestEvents.GROUP_ID, "Engineering", true));

        retention.deleteOlderThan(Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_audit WHERE correlation_id = ?", Long.class,
                corr)).isEqualTo(1);
    }
}
