package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.platform.app.PlatformTestApplication;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.kafka.KafkaPlumbing;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.GraphFuzzer;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.event.GroupDeleted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.application.name=selfservice-service",
                "spring.kafka.consumer.group-id=steward-selfservice"})
@AuthenticatedKafka(principal = KafkaPrincipal.SELFSERVICE)
class PlatformEdgesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    ContractPublisher publisher;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void rejectsRequestWithoutTokenWithGraphBody() throws Exception {
        HttpResponse<String> response = get("/probe", null, "my-client-id");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").asString()).isEqualTo("Access token is empty.");
        assertThat(error.get("innerError").get("client-request-id").asString()).isEqualTo("my-client-id");
        assertThat(error.get("innerError").get("request-id").asString())
                .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(error.get("innerError").get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void rejectsForgedExpiredUnexpiringDevIssuedAndForeignTokens() throws Exception {
        var claims = DevTokens.Claims.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin",
                List.of(Permissions.GROUP_READ_ALL), List.of());
        for (String token : List.of(TestTokens.forged(claims), TestTokens.expired(claims), TestTokens.mintDevIssuer(claims),
                TestTokens.withoutExpiry(claims), TestTokens.fromIssuer("https://elsewhere.invalid/", claims),
                TestTokens.forAudience("api://another-api", claims))) {
            HttpResponse<String> response = get("/probe", token, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("error").get("message").asString())
                    .isEqualTo("Access token validation failure.");
        }
    }

    @Test
    void acceptsValidTokenAndReadsTheCaller() throws Exception {
        String token = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.GROUP_READ_ALL), List.of());

        HttpResponse<String> response = get("/probe", token, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("userId").asString()).isEqualTo(TestTokens.ADMIN_ID);
    }

    @Test
    void answersMissingPermissionWithForbiddenGraphBody() throws Exception {
        String token = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test", List.of("User.Read"), List.of());

        HttpResponse<String> response = get("/probe", token, null);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("Authorization_RequestDenied");
        assertThat(error.get("message").asString()).isEqualTo("Insufficient privileges to complete the operation.");
    }

    @Test
    void answersMalformedBodyAndUnknownPathWithGraphErrors() throws Exception {
        String token = TestTokens.groupsAdmin();
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(uri("/probe"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").get("code").asString()).isEqualTo("Request_BadRequest");

        HttpResponse<String> unknown = get("/no/such/thing", token, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(unknown.body()).get("error").get("code").asString()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void refusesDuplicateKeysUnknownPropertiesAndTrailingTokensButAcceptsAnnotations() throws Exception {
        String token = TestTokens.groupsAdmin();

        assertThat(post("/probe", token, "application/json", "{\"a\":1,\"a\":2}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/probe/typed", token, "application/json", "{\"name\":\"x\",\"nmae\":\"y\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").get("message").asString())
                .isEqualTo("Property 'nmae' does not exist on this resource.");
        assertThat(post("/probe/typed", token, "application/json", "{\"name\":\"x\"} {}").statusCode()).isEqualTo(400);

        HttpResponse<String> annotated = post("/probe/typed", token, "application/json",
                "{\"@odata.type\":\"#microsoft.graph.group\",\"name\":\"x\",\"owners@odata.bind\":[\"a\"]}");
        assertThat(annotated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(annotated.body()).get("name").asString()).isEqualTo("x");
    }

    @Test
    void answersWrongContentTypeWith415AndUnproducibleAcceptWith406InGraphShape() throws Exception {
        String token = TestTokens.groupsAdmin();
        for (String contentType : List.of("text/plain", "application/xml", "*/*", "garbage")) {
            HttpResponse<String> response = post("/probe/typed", token, contentType, "{\"name\":\"x\"}");
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(JSON.readTree(response.body()).get("error").get("code").asString())
                    .isEqualTo("Request_UnsupportedMediaType");
        }

        String reader = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test", List.of(Permissions.GROUP_READ_ALL),
                List.of());
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(uri("/probe")).header("Authorization", "Bearer " + reader)
                .header("Accept", "application/xml").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JSON.readTree(xml.body()).get("error").get("code").asString()).isEqualTo("Request_NotAcceptable");
    }

    @Test
    void answersWhatTomcatRefusesBeforeSpringInGraphShape() throws Exception {
        String authorization = "Authorization: Bearer " + TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
                List.of(Permissions.GROUP_READ_ALL), List.of()) + "\r\n";
        for (byte[] request : List.of(
                ("GET /probe/%ZZ HTTP/1.1\r\nHost: x\r\n" + authorization + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("GET /pro\u00FFbe HTTP/1.1\r\nHost: x\r\n" + authorization + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                ("GET /probe HTTP/1.1\r\nHost: x\r\n" + authorization + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST /probe HTTP/1.1\r\nHost: x\r\n" + authorization + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))) {
            String answer = rawExchange(request);
            assertThat(answer).startsWith("HTTP/1.1 4").contains("Content-Type: application/json")
                    .doesNotContain("<html").doesNotContain("\"timestamp\"");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (answer.substring(0, answer.indexOf("\r\n\r\n")).contains("Transfer-Encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            JsonNode error = JSON.readTree(body).get("error");
            assertThat(error.get("code").asString()).isEqualTo("Request_BadRequest");
            assertThat(error.get("innerError").get("request-id").asString()).isNotBlank();
        }
    }

    @Test
    void answersActuatorErrorsInGraphShape() throws Exception {
        HttpResponse<String> unknownComponent = get("/actuator/health/nothing", null, null);
        assertThat(unknownComponent.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownComponent.body()).get("error").get("code").asString())
                .isEqualTo("Request_ResourceNotFound");
        HttpResponse<String> unknownEndpoint = get("/actuator/env", TestTokens.groupsAdmin(), null);
        assertThat(unknownEndpoint.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownEndpoint.body()).get("error").get("code").asString())
                .isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void answersEveryBadInputOnEveryEndpointWithoutServerErrorInGraphShape() {
        GraphFuzzer.Report report = GraphFuzzer.of(context, port, TestTokens.groupsAdmin()).run();

        assertThat(report.endpoints()).extracting(GraphFuzzer.Endpoint::toString)
                .contains("GET /probe", "POST /probe", "GET /actuator/health", "GET /actuator/prometheus",
                        "GET /v3/api-docs");
        assertThat(report.probes()).isGreaterThan(1000);
        report.assertClean();
    }

    @Test
    void deadLettersMalformedRecordWithReasonAndKeepsConsuming() {
        try (KafkaTestClient sender = kafka.client(KafkaPrincipal.COMMAND_SENDER)) {
            sender.sendRaw(Topics.SELFSERVICE_COMMANDS, "g1", "selfservice.RequestMembership", "{\"groupId\":",
                    TestTokens.groupsAdmin());
            var good = new RequestMembership(new CommandMetadata(UUID.randomUUID(), Instant.now(), "corr"), "g1", null, "please");
            sender.publish(Topics.SELFSERVICE_COMMANDS, good);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var deadLetters = sender.readAllRaw(Topics.deadLetter(Topics.SELFSERVICE_COMMANDS));
                assertThat(reasons(deadLetters)).anyMatch(reason -> reason.contains("malformed RequestMembership"));
                var deadLetter = deadLetters.get(0).headers();
                assertThat(deadLetter.lastHeader(CloudEventHeaders.TYPE)).as("other headers are kept").isNotNull();
                assertThat(deadLetter.headers(CloudEventHeaders.AUTHORIZATION)).as("the bearer token is not").isEmpty();
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> PlatformTestApplication.RECEIVED.contains(good));
        }
    }

    @Test
    void deadLettersAnEventWhoseSourceIsNotTheTopicsProducerAndDoesNotApplyIt() {
        String forgedGroup = UUID.randomUUID().toString();
        String genuineGroup = UUID.randomUUID().toString();
        var forged = new GroupDeleted(metadata(forgedGroup), forgedGroup, "Engineering", null);
        var genuine = new GroupDeleted(metadata(genuineGroup), genuineGroup, "Sales", null);
        try (KafkaTestClient misattributed = kafka.client(KafkaPrincipal.DIRECTORY, KafkaPrincipal.SYNC.source());
             KafkaTestClient directory = kafka.client(KafkaPrincipal.DIRECTORY)) {
            misattributed.publish(Topics.DIRECTORY_EVENTS, forged);
            directory.publish(Topics.DIRECTORY_EVENTS, genuine);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    reasons(directory.readAllRaw(Topics.deadLetter(Topics.DIRECTORY_EVENTS))))
                    .contains("record on steward.directory.events has ce_source '/steward/sync-service'; only "
                            + "/steward/directory-service publishes there"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    PlatformTestApplication.RECEIVED_EVENTS).extracting(ContractMessage::key).contains(genuineGroup));
            assertThat(PlatformTestApplication.RECEIVED_EVENTS).extracting(ContractMessage::key).doesNotContain(forgedGroup);
        }
    }

    private static EventMetadata metadata(String aggregateId) {
        return new EventMetadata(UUID.randomUUID(), Instant.now(), aggregateId, "corr",
                Initiator.app("app", "Test app"), EventMetadata.CURRENT_SCHEMA_VERSION);
    }

    private static List<String> reasons(List<ConsumerRecord<String, byte[]>> deadLetters) {
        return deadLetters.stream().map(record -> record.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void refusesToStartWithoutTokenIssuerOrAudience() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PlatformTestApplication.class).properties(
                        "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "steward.security.public-key-location="
                                + TestTokens.properties().get("steward.security.public-key-location"))
                .run().close())
                .hasRootCauseMessage("token validation is not configured: set steward.security.issuer (the token "
                        + "issuer every token must name in iss) and steward.security.audience (the audience every "
                        + "token must name in aud); a service never accepts tokens from any issuer or for any audience");
    }

    @Test
    void refusesAtOnceARecordLargerThanTheProducerLimitInsteadOfRetryingIt() {
        String anchor = UUID.randomUUID().toString();
        var huge = new SyncGroup(new CommandMetadata(UUID.randomUUID(), Instant.now(), "corr"),
                DirectoryIds.fromAnchor(anchor), anchor, "Huge", "x".repeat(KafkaPlumbing.MAX_RECORD_BYTES + 1), null,
                null, false, true, List.of(), null, null, null, null, null, null, Instant.now());

        assertThatThrownBy(() -> publisher.publish(Topics.SELFSERVICE_EVENTS, huge))
                .isInstanceOf(ContractPublisher.PublishRefusedException.class)
                .hasMessageContaining("can never be published");
    }

    private HttpResponse<String> get(String path, String token, String clientRequestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (clientRequestId != null) {
            request.header("client-request-id", clientRequestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String rawExchange(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
