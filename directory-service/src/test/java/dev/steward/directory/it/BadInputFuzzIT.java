package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.testing.GraphFuzzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every endpoint of the directory, walked with bad input: never a 5xx, always a Graph body. */
class BadInputFuzzIT extends DirectoryIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void answersEveryBadInputOnEveryEndpointWithoutServerErrorInGraphShape() {
        GraphFuzzer.Report report = GraphFuzzer.of(context, port, GraphFuzzer.administrator()).run();

        assertThat(report.endpoints()).extracting(GraphFuzzer.Endpoint::toString)
                .contains("PATCH /v1.0/groups/{id}", "POST /v1.0/groups/{id}/members/$ref", "GET /v1.0/users");
        report.assertClean();
    }
}
