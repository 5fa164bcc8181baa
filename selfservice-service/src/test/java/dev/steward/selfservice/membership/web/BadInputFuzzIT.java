package dev.steward.selfservice.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.testing.GraphFuzzer;
import dev.steward.selfservice.support.SelfServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every endpoint of My Groups, walked with bad input: never a 5xx, always a Graph body, no request, directory command
 * or settings change made.
 */
class BadInputFuzzIT extends SelfServiceTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void answersEveryBadInputOnEveryEndpointWithoutServerErrorInGraphShape() {
        Integer requestsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM membership_request", Integer.class);
        Integer commandsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM directory_command", Integer.class);

        GraphFuzzer.Report report = GraphFuzzer.of(context, port, GraphFuzzer.administrator()).run();

        assertThat(report.endpoints()).extracting(GraphFuzzer.Endpoint::toString)
                .contains("POST /mygroups/requests", "GET /mygroups/requests/{id}", "GET /mygroups/approvals",
                        "POST /mygroups/requests/{id}/approve", "POST /mygroups/requests/{id}/reject",
                        "POST /mygroups/requests/{id}/cancel", "POST /mygroups/groups/{id}/leave",
                        "GET /mygroups/groups", "PATCH /mygroups/groups/{id}", "GET /mygroups/memberOf",
                        "GET /mygroups/ownedGroups", "GET /mygroups/settings", "PATCH /mygroups/settings",
                        "GET /mygroups/groups/{id}/members", "POST /mygroups/groups/{id}/members",
                        "DELETE /mygroups/groups/{id}/members/{memberId}");
        report.assertClean();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request", Integer.class)).isEqualTo(requestsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_command", Integer.class)).isEqualTo(commandsBefore);
        assertThat(jdbc.queryForMap("SELECT owners_can_manage_requests, restrict_groups_access, restrict_security_groups "
                + "FROM tenant_settings")).containsValues(true, false, false);
    }
}
