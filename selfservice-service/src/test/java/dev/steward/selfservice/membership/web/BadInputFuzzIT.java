package dev.steward.selfservice.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.testing.GraphFuzzer;
import dev.steward.selfservice.support.SelfServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every endpoint of My Groups, walked with bad input: never a 5xx, always a Graph body, no request created. */
class BadInputFuzzIT extends SelfServiceTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void answersEveryBadInputOnEveryEndpointWithoutServerErrorInGraphShape() {
        Integer requestsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM membership_request", Integer.class);

        GraphFuzzer.Report report = GraphFuzzer.of(context, port, GraphFuzzer.administrator()).run();

        assertThat(report.endpoints()).extracting(GraphFuzzer.Endpoint::toString)
                .contains("POST /mygroups/requests", "GET /mygroups/requests/{id}", "GET /mygroups/approvals");
        report.assertClean();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_request", Integer.class)).isEqualTo(requestsBefore);
    }
}
