package dev.steward.sync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.cycle.DirectoryCommandSender;
import dev.steward.sync.ldap.AdGuids;
import dev.steward.sync.ldap.AdSids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the PostgreSQL integration tests: the service against the real PostgreSQL (a fresh
 * schema), an embedded Kafka broker, the in-memory seed directory, and a {@link FakeDirectory} answering the
 * exports, on a random port of 127.0.0.1 (the bad-input walk needs the real Tomcat). Every subclass shares it (one
 * measurement, run on its own, overrides the sizes with the service's defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(TestServiceTokens.class)
@AutoConfigureMockMvc
@AuthenticatedKafka(principal = KafkaPrincipal.SYNC, partitions = 3)
@TestPropertySource(properties = {
        // Small pages, so that every read goes through several pages of the paged results control.
        "steward.sync.ldap.page-size=2",
        // Small batches with fewer commands in flight than a batch holds, so that every cycle crosses both bounds.
        "steward.sync.export.batch-size=5",
        "steward.sync.export.max-in-flight=3"})
public abstract class SyncServiceIntegrationTest {

    /** The sync engine's app token the service is configured with; every export must carry it. */
    protected static final String DIRECTORY_TOKEN = TestServiceTokens.SYNC_ENGINE_TOKEN;
    protected static final String ADMIN = TestTokens.groupsAdmin();

    private static final AtomicInteger NEXT_RID = new AtomicInteger(5000);
    private static TopicRecorder recorder;
    private static FakeDirectory directory;
    private static KafkaTestClient owners;
    /** The broker the three above talk to: a context of its own (other properties) has its own broker. */
    private static TestKafka kafkaOfStatics;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected TestKafka testKafka;
    @Autowired
    protected ConnectorSpace connectorSpaceRepository;
    @Autowired
    protected JdbcClient jdbc;
    /** The real sender; a test may make the broker stop acknowledging (InterruptedCycleIT). */
    @MockitoSpyBean
    protected DirectoryCommandSender commandSender;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        TestDatabase.freshSchemaIn("steward_sync").register(registry);
        registry.add("steward.sync.ldap.url", TestDirectory::url);
        // tests without a FakeDirectory get no answers: their cycles send the membership after a short wait
        registry.add("steward.sync.engine.export-answer-timeout", () -> "3s");
        registry.add("steward.sync.ldap.password", () -> TestDirectory.PASSWORD);
        registry.add("steward.sync.initial-cycle-on-start", () -> "false");
        registry.add("steward.sync.schedule.interval", () -> "0s");
        // SyncCycleIT's bulk test deletes its 2,501 objects afterwards: their deletions must not stay over the limit.
        registry.add("steward.sync.deletions.threshold", () -> "5000");
    }

    /** Started before each test's first cycle, so that every export gets its result. */
    @BeforeEach
    void startDirectory() {
        directory();
    }

    /** The fake directory, recorder and owners talk to this context's broker (a subclass may have its own context). */
    private synchronized void forThisBroker() {
        if (kafkaOfStatics != testKafka) {
            if (directory != null) {
                directory.close();
            }
            if (recorder != null) {
                recorder.close();
            }
            directory = null;
            recorder = null;
            owners = null;
            kafkaOfStatics = testKafka;
        }
    }

    protected synchronized FakeDirectory directory() {
        forThisBroker();
        if (directory == null) {
            directory = new FakeDirectory(testKafka);
        }
        return directory;
    }

    /** Publishes each topic as its owner: directory events and command results as the directory service. */
    protected synchronized KafkaTestClient owners() {
        forThisBroker();
        if (owners == null) {
            owners = testKafka.owners();
        }
        return owners;
    }

    protected synchronized TopicRecorder recorder() {
        forThisBroker();
        if (recorder == null) {
            recorder = new TopicRecorder(testKafka.adminConfig(), List.of(Topics.DIRECTORY_COMMANDS,
                    Topics.SYNC_EVENTS, Topics.deadLetter(Topics.DIRECTORY_EVENTS)));
        }
        return recorder;
    }

    // ---- HTTP

    protected MockHttpServletResponse postCycle(String token, String body) throws Exception {
        var request = post("/sync/cycles");
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    protected MockHttpServletResponse getAs(String token, String path, Object... uriVariables) throws Exception {
        var request = get(path, uriVariables);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    protected JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    /**
     * Starts a cycle as the administrator and waits until it has finished and the directory's results of its exports
     * have been handled; fails unless it succeeded. Counts are read after the results (a rejection changes them).
     */
    protected JsonNode runCycle(String policyType) throws Exception {
        return runCycle(policyType, Duration.ofSeconds(30));
    }

    protected JsonNode runCycle(String policyType, Duration timeout) throws Exception {
        awaitIdle();
        MockHttpServletResponse response = postCycle(ADMIN, "{\"policyType\":\"" + policyType + "\"}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
        String id = body(response).get("id").asString();
        JsonNode done = awaitCycle(id, timeout);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Succeeded");
        awaitResults(id, timeout);
        return body(getAs(ADMIN, "/sync/cycles/{id}", id));
    }

    /** Waits until every export of the cycle has its result handled (the service forgets a command then). */
    protected void awaitResults(String cycleId, Duration timeout) {
        await("results of cycle " + cycleId).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM export_command WHERE cycle_id = ?").param(cycleId)
                        .query(Long.class).single() == 0);
    }

    protected JsonNode awaitCycle(String id) {
        return awaitCycle(id, Duration.ofSeconds(30));
    }

    protected JsonNode awaitCycle(String id, Duration timeout) {
        return await("cycle " + id).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> body(getAs(ADMIN, "/sync/cycles/{id}", id)),
                        cycle -> List.of("Succeeded", "Failed").contains(cycle.get("status").asString()));
    }

    /**
     * Waits until no cycle is queued or running and every export has its result handled, so a test's LDAP changes
     * are not read by an earlier cycle and its cycle starts from the membership the directory confirmed.
     */
    protected void awaitIdle() {
        await("no cycle running").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode cycles = body(getAs(ADMIN, "/sync/cycles?$top=20")).get("value");
            for (JsonNode cycle : cycles) {
                if (List.of("Queued", "Running").contains(cycle.get("status").asString())) {
                    return false;
                }
            }
            return jdbc.sql("SELECT COUNT(*) FROM export_command").query(Long.class).single() == 0;
        });
    }

    protected JsonNode connectorSpace(String cloudId) throws Exception {
        MockHttpServletResponse response = getAs(ADMIN, "/sync/connectorSpace/{id}", cloudId);
        return response.getStatus() == 200 ? body(response) : null;
    }

    // ---- Kafka

    /** The export commands of one cycle (their correlation id is the cycle id), in the order they were issued. */
    protected List<ContractCommand> commandsOf(String cycleId) {
        recorder().catchUp();
        return recorder().messages(Topics.DIRECTORY_COMMANDS).stream()
                .map(TopicRecorder.Recorded::message)
                .map(ContractCommand.class::cast)
                .filter(c -> cycleId.equals(c.metadata().correlationId()))
                .sorted((a, b) -> a.metadata().issuedAt().compareTo(b.metadata().issuedAt()))
                .toList();
    }

    /** The membership commands of one cycle for one group, in the order they were issued. */
    protected List<SyncGroupMembership> membershipCommandsOf(String cycleId, String groupId) {
        return commandsOf(cycleId).stream().filter(SyncGroupMembership.class::isInstance)
                .map(SyncGroupMembership.class::cast).filter(c -> c.groupId().equals(groupId)).toList();
    }

    /** Publishes as the directory would, and returns where the record went. */
    protected RecordMetadata publishEvent(ContractMessage event) throws Exception {
        return owners().send(Topics.DIRECTORY_EVENTS, event);
    }

    protected static SourceOfAuthorityChanged sourceOfAuthorityChanged(String anchor, String displayName,
                                                                      boolean cloudManaged) {
        return sourceOfAuthorityChanged(anchor, displayName, cloudManaged, Instant.now());
    }

    protected static SourceOfAuthorityChanged sourceOfAuthorityChanged(String anchor, String displayName,
                                                                      boolean cloudManaged, Instant occurredAt) {
        String groupId = DirectoryIds.fromAnchor(anchor);
        return new SourceOfAuthorityChanged(new EventMetadata(UUID.randomUUID(), occurredAt, groupId,
                UUID.randomUUID().toString(), Initiator.user(TestTokens.ADMIN_ID, "admin@corp.example.test", "Admin"),
                EventMetadata.CURRENT_SCHEMA_VERSION), groupId, displayName, anchor, cloudManaged, null,
                cloudManaged ? OnPremisesExtensionAttributes.NONE : null);
    }

    /** Waits until the service's consumer group has committed past {@code record}: it has been handled. */
    protected void awaitConsumed(RecordMetadata record) {
        try (Admin admin = Admin.create(testKafka.adminConfig())) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            await("consumed " + record).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("steward-sync")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    // ---- LDAP

    /** Adds a global security group under OU=Groups and returns its objectGUID (canonical text). */
    protected static String addGroup(String cn, String managedBy, String... memberDns) throws LDAPException {
        String guid = UUID.randomUUID().toString();
        String dn = "CN=" + cn + "," + TestDirectory.GROUPS_OU;
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "group"),
                new Attribute("cn", cn),
                new Attribute("objectGUID", AdGuids.toBytes(guid)),
                new Attribute("objectSid", AdSids.toBytes(TestDirectory.DOMAIN_SID + "-" + NEXT_RID.incrementAndGet())),
                new Attribute("sAMAccountName", cn),
                new Attribute("groupType", "-2147483646")));
        if (managedBy != null) {
            attributes.add(new Attribute("managedBy", managedBy));
        }
        if (memberDns.length > 0) {
            attributes.add(new Attribute("member", memberDns));
        }
        TestDirectory.server().add(new Entry(dn, attributes));
        return guid;
    }

    /** Adds a user under CN=Users and returns its objectGUID (canonical text). */
    protected static String addUser(String cn) throws LDAPException {
        String guid = UUID.randomUUID().toString();
        String sam = cn.toLowerCase(Locale.ROOT);
        TestDirectory.server().add(new Entry(userDn(cn),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn),
                new Attribute("objectGUID", AdGuids.toBytes(guid)),
                new Attribute("objectSid", AdSids.toBytes(TestDirectory.DOMAIN_SID + "-" + NEXT_RID.incrementAndGet())),
                new Attribute("sAMAccountName", sam),
                new Attribute("userPrincipalName", sam + "@corp.example.test")));
        return guid;
    }

    protected static String groupDn(String cn) {
        return "CN=" + cn + "," + TestDirectory.GROUPS_OU;
    }

    protected static String userDn(String cn) {
        return "CN=" + cn + "," + TestDirectory.USERS_CN;
    }
}
