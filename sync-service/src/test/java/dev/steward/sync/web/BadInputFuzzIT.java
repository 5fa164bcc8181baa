package dev.steward.sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.testing.GraphFuzzer;
import dev.steward.sync.testing.SyncServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Every endpoint of the sync service, walked with bad input: never a 5xx, always a Graph body, no cycle started. */
class BadInputFuzzIT extends SyncServiceIntegrationTest {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void answersEveryBadInputOnEveryEndpointWithoutServerErrorInGraphShape() throws Exception {
        awaitIdle();
        int cyclesBefore = body(getAs(ADMIN, "/sync/cycles?$top=999")).get("value").size();

        GraphFuzzer.Report report = GraphFuzzer.of(context, port, GraphFuzzer.administrator()).run();

        assertThat(report.endpoints()).extracting(GraphFuzzer.Endpoint::toString)
                .contains("POST /sync/cycles", "GET /sync/cycles/{id}");
        report.assertClean();
        assertThat(body(getAs(ADMIN, "/sync/cycles?$top=999")).get("value").size()).isEqualTo(cyclesBefore);
    }
}
