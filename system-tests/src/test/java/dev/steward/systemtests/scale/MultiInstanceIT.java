package dev.steward.systemtests.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.auth.AuthorizationCodeLogin;
import dev.steward.launcher.auth.StackUsers;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.process.ChildProcess;
import dev.steward.launcher.scenario.GraphClient;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.launcher.token.Grants;
import dev.steward.launcher.token.SeedUsers;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.systemtests.service.Deployable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of each service from their jars, with the launcher's configuration, on one broker and one PostgreSQL
 * database per service: groups created through both directory instances (HTTP and Kafka commands) while one of them
 * is killed (SIGKILL) half-way are each created, answered and audited once; Delta cycles requested on both sync
 * instances run one at a time, and a sync instance killed mid-cycle is taken over without syncing anything twice;
 * events of both selfservice instances are published once. Part of verify (nine JVMs); alone:
 * {@code ./mvnw -pl system-tests verify -Pmulti-instance}.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String SCHEMA = "multi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Database.PostgreSql DATABASE =
            new Database.PostgreSql(POSTGRES, "steward_multi_", "postgres", "", SCHEMA);
    private static final int GROUPS = 20;
    private static final int COMMANDS_PER_GROUP = 3;
    private static final Duration SYNC_LEASE = Duration.ofSeconds(10);
    /** AD users added before the cycle that a sync instance is killed in: enough for a cycle of several seconds. */
    private static final int BULK_USERS = 5_000;

    private static Path root;
    private static EmbeddedKafkaKraftBroker kafka;
    private static SeedDirectory directory;
    private static ChildProcess authServer;
    /** Two instances of each service: index 0 and 1. */
    private static final Map<StewardService, List<Instance>> instances = new EnumMap<>(StewardService.class);
    private static GraphClient admin;
    private static String adminToken;

    record Instance(ChildProcess process, String url) {
    }

    @BeforeAll
    static void startTwoInstancesOfEachService() throws Exception {
        root = Files.createTempDirectory("steward-multi");
        StackLayout layout = new StackLayout(root);
        layout.createDirectories();
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        int kafkaPort = Integer.parseInt(kafka.getBrokersAsString().replaceAll(".*:", ""));
        StackOptions options = new StackOptions().repositoryRoot(Deployable.repositoryRoot()).layout(layout)
                .kafkaPort(kafkaPort).ldapPort(Ports.free()).database(DATABASE).syncInterval(Duration.ofHours(1));
        for (StewardService service : StewardService.values()) {
            options.servicePort(service, Ports.free());
        }
        DATABASE.createMissing(Arrays.asList(StewardService.values()));
        directory = SeedDirectory.start(InetAddress.getLoopbackAddress(), options.ldapPort());
        StackUsers.writeAll(layout, SeedUsers.seed().all());
        LocalStack stack = new LocalStack(options, System.out);

        String syncSecret = UUID.randomUUID().toString();
        String selfServiceSecret = UUID.randomUUID().toString();
        String issuer = stack.properties(StewardService.DIRECTORY).get("steward.security.issuer");
        int authPort = URI.create(issuer).getPort();
        authServer = start(Deployable.AUTH_SERVER.jar(), "auth-server", AuthServer.properties(authPort, layout),
                AuthServer.clients(syncSecret, selfServiceSecret), layout);
        awaitUp("auth-server", issuer, authServer);

        for (StewardService service : StewardService.values()) {
            Map<String, Object> secrets = new LinkedHashMap<>();
            if (service == StewardService.SYNC) {
                secrets.put("steward.client.secret", syncSecret);
            }
            if (service == StewardService.SELFSERVICE) {
                secrets.put("steward.client.secret", selfServiceSecret);
            }
            List<Instance> two = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                if (service == StewardService.DIRECTORY && index == 1) {
                    continue; // started below, once the first one is up
                }
                Map<String, String> properties = new LinkedHashMap<>(stack.properties(service));
                int port = index == 0 ? options.servicePort(service) : Ports.free();
                properties.put("server.port", Integer.toString(port));
                // eight services on a PostgreSQL server that other tests share (100 connections)
                properties.put("spring.datasource.hikari.maximum-pool-size", "5");
                if (service == StewardService.SYNC) {
                    // a killed instance's cycle is taken over sooner than with the default 30 s
                    properties.put("steward.sync.engine.lease-duration", SYNC_LEASE.toSeconds() + "s");
                }
                ChildProcess process = start(service.jar(Deployable.repositoryRoot()), service.module() + "-" + index,
                        properties, secrets, layout);
                two.add(new Instance(process, "http://127.0.0.1:" + port));
            }
            instances.put(service, two);
        }
        // Two directory instances starting at the same moment on a fresh database may both initialise Axon's token
        // store, and the loser fails to start (duplicate token_entry; a restarted pod would start): start the second
        // once the first is up.
        List<Instance> directories = instances.get(StewardService.DIRECTORY);
        awaitUp("directory-service-0", directories.get(0).url(), directories.get(0).process());
        Map<String, String> second = new LinkedHashMap<>(stack.properties(StewardService.DIRECTORY));
        int secondPort = Ports.free();
        second.put("server.port", Integer.toString(secondPort));
        second.put("spring.datasource.hikari.maximum-pool-size", "5");
        directories.add(new Instance(start(StewardService.DIRECTORY.jar(Deployable.repositoryRoot()),
                "directory-service-1", second, Map.of(), layout), "http://127.0.0.1:" + secondPort));
        instances.forEach((service, two) -> {
            for (int index = 0; index < 2; index++) {
                awaitUp(service.module() + "-" + index, two.get(index).url(), two.get(index).process());
            }
        });

        String password = StackUsers.ensure(layout, SeedUsers.seed().find(Grants.ADMIN_UPN).orElseThrow()).password();
        adminToken = new AuthorizationCodeLogin(issuer).login(Grants.ADMIN_UPN, password,
                String.join(" ", Grants.defaultFor(Grants.ADMIN_UPN).scopes()),
                Map.of("steward_wids", DirectoryRoles.GROUPS_ADMINISTRATOR + " "
                        + DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR, "steward_lifetime", "PT1H"));
        admin = new GraphClient(adminToken);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        instances.values().forEach(two -> two.forEach(instance -> instance.process().stop(20)));
        if (authServer != null) {
            authServer.stop(10);
        }
        if (directory != null) {
            directory.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        for (StewardService service : StewardService.values()) {
            try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE.databaseName(service),
                    "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + SCHEMA + ": " + e.getMessage());
            }
        }
        System.out.println("The processes' logs are in " + root.resolve("logs"));
    }

    /**
     * Groups are created alternately on both directory instances over HTTP, and three more per step with
     * {@code CreateGroup} commands on {@code steward.directory.commands} (consumed by both instances through their
     * consumer group); half-way one instance is killed and the rest go to the other (its command partitions move to
     * the other once the group notices). Each group exists once, each command has one outcome, and each group is
     * audited once although two audit instances share the event topics and the killed instance's publishing
     * segments were taken over (a takeover may publish an event again).
     */
    @Test
    void eachGroupIsCreatedAndAuditedOnceWhileADirectoryInstanceIsKilled() {
        List<Instance> directories = instances.get(StewardService.DIRECTORY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        Map<String, String> commandGroups = new LinkedHashMap<>();
        var commands = commandProducer();
        for (int i = 0; i < GROUPS; i++) {
            for (int c = 0; c < COMMANDS_PER_GROUP; c++) {
                String name = "multi-" + run + "-kafka-" + i + "-" + c;
                String groupId = UUID.randomUUID().toString();
                var command = new dev.steward.contracts.command.CreateGroup(new dev.steward.contracts.CommandMetadata(
                        UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString()), groupId, name, null, name,
                        false, true, List.of(), null, List.of(), List.of());
                commands.send(dev.steward.platform.kafka.ContractPublisher.commandRecord(
                        "steward.directory.commands", command, adminToken));
                commandGroups.put(command.metadata().commandId().toString(), groupId);
            }
            commands.flush();
            if (i == GROUPS / 2) {
                ProcessHandle.of(directories.get(0).process().pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            Instance target = i >= GROUPS / 2 ? directories.get(1) : directories.get(i % 2);
            String name = "multi-" + run + "-" + i;
            GraphClient.Response created = admin.post(target.url() + "/v1.0/groups", "{\"displayName\":\"" + name
                    + "\",\"mailNickname\":\"" + name + "\",\"mailEnabled\":false,\"securityEnabled\":true}");
            assertThat(created.status()).as("creating %s: %s", name, created).isEqualTo(201);
            ids.add(created.json().path("id").asString());
        }

        commands.close();

        Map<String, List<String>> outcomes = await("a result for every command").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).until(() -> commandResults(commandGroups.keySet()),
                        results -> results.keySet().containsAll(commandGroups.keySet()));
        assertThat(outcomes).as("one outcome per command (a result is sent again only if the instance died before "
                + "recording that it was sent)").allSatisfy((commandId, statuses) ->
                assertThat(statuses).as(commandId).isNotEmpty().containsOnly("SUCCEEDED"));
        ids.addAll(commandGroups.values());

        GraphClient.Response listed = admin.get(directories.get(1).url() + "/v1.0/groups?$top=999&$filter="
                + GraphClient.encode("startswith(displayName,'multi-" + run + "-')"));
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(StreamSupport.stream(listed.json().path("value").spliterator(), false)
                .map(group -> group.path("id").asString())).as("each group once")
                .containsExactlyInAnyOrderElementsOf(ids);

        String audits = "/v1.0/auditLogs/directoryAudits?$top=999&$filter="
                + GraphClient.encode("activityDisplayName eq 'Add group'");
        await("every group audited exactly once, and still once ten seconds later").atMost(Duration.ofMinutes(2))
                .during(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> auditCounts(instances.get(StewardService.AUDIT).get(0).url() + audits, ids),
                        counts -> ids.stream().allMatch(id -> counts.getOrDefault(id, 0) == 1));
        assertThat(auditCounts(instances.get(StewardService.AUDIT).get(1).url() + audits, ids))
                .as("the other audit instance reads the same log").allSatisfy((id, count) -> assertThat(count)
                        .isEqualTo(1));
    }

    /** Delta cycles requested on both sync instances run one at a time cluster-wide (the database lease), each once. */
    @Test
    void syncCyclesRequestedOnBothInstancesRunOneAtATime() {
        List<Instance> syncs = instances.get(StewardService.SYNC);
        List<String> cycles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            GraphClient.Response started = admin.post(syncs.get(i % 2).url() + "/sync/cycles",
                    "{\"policyType\":\"Delta\"}");
            assertThat(started.status()).as("requesting a cycle: %s", started).isEqualTo(202);
            cycles.add(started.json().path("id").asString());
        }
        List<JsonNode> finished = new ArrayList<>();
        for (String id : cycles) {
            finished.add(await("cycle " + id + " finishes").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.get(syncs.get(1).url() + "/sync/cycles/" + id).json(),
                            cycle -> cycle.path("status").asString("").equals("Succeeded")
                                    || cycle.path("status").asString("").equals("Failed")));
        }
        assertThat(finished).allSatisfy(cycle -> assertThat(cycle.path("status").asString()).as("%s", cycle)
                .isEqualTo("Succeeded"));
        List<JsonNode> byStart = finished.stream()
                .sorted(Comparator.comparing(cycle -> Instant.parse(time(cycle, "start")))).toList();
        for (int i = 1; i < byStart.size(); i++) {
            Instant previousEnd = Instant.parse(time(byStart.get(i - 1), "end"));
            Instant nextStart = Instant.parse(time(byStart.get(i), "start"));
            assertThat(nextStart).as("%s starts after %s ended", byStart.get(i), byStart.get(i - 1))
                    .isAfterOrEqualTo(previousEnd);
        }
    }

    /**
     * The sync instance running a cycle is killed (SIGKILL) mid-cycle: once its lease expired the other instance
     * marks the cycle failed and queues it again, and that cycle succeeds; no synced user or group exists twice in the
     * directory. Runs last: it leaves one sync instance.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void syncInstanceKilledMidCycleIsTakenOverAndNothingIsSyncedTwice() throws Exception {
        List<Instance> syncs = instances.get(StewardService.SYNC);
        await("no cycle running or queued").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> syncQuery("SELECT COUNT(*) FROM sync_cycle WHERE status IN ('Queued', 'Running')"),
                        unfinished -> unfinished.equals("0"));
        addUsers(BULK_USERS);
        GraphClient.Response started = admin.post(syncs.get(0).url() + "/sync/cycles", "{\"policyType\":\"Initial\"}");
        assertThat(started.status()).as("requesting a cycle: %s", started).isEqualTo(202);
        String cycle = started.json().path("id").asString();
        String runner = await("the cycle runs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> syncQuery("SELECT runner FROM sync_cycle WHERE id = '" + cycle + "' AND status = 'Running'"),
                        java.util.Objects::nonNull);
        long runnerPid = Long.parseLong(runner.substring(0, runner.indexOf('@')));
        Instance killed = syncs.stream().filter(instance -> instance.process().pid() == runnerPid).findFirst()
                .orElseThrow(() -> new AssertionError("no sync instance has pid " + runnerPid + " (" + runner + ")"));
        Instance survivor = syncs.get(syncs.indexOf(killed) == 0 ? 1 : 0);
        ProcessHandle.of(runnerPid).ifPresent(ProcessHandle::destroyForcibly);

        JsonNode interrupted = await("the survivor fails the killed cycle once the lease expired")
                .atMost(SYNC_LEASE.plusMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.get(survivor.url() + "/sync/cycles/" + cycle).json(),
                        view -> !view.path("status").asString("").equals("Running"));
        assertThat(interrupted.path("status").asString()).as("%s", interrupted).isEqualTo("Failed");
        assertThat(interrupted.path("error").asString()).contains("stopped before the cycle finished");
        String again = syncQuery("SELECT id FROM sync_cycle WHERE policy_type = 'Initial' AND seq > (SELECT seq FROM "
                + "sync_cycle WHERE id = '" + cycle + "') ORDER BY seq LIMIT 1");
        assertThat(again).as("queued again").isNotNull();
        JsonNode rerun = await("the cycle queued again finishes").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> admin.get(survivor.url() + "/sync/cycles/" + again)
                        .json(), view -> view.path("status").asString("").matches("Succeeded|Failed"));
        assertThat(rerun.path("status").asString()).as("%s", rerun).isEqualTo("Succeeded");

        String directory = instances.get(StewardService.DIRECTORY).get(1).url();
        for (String collection : List.of("users", "groups")) {
            GraphClient.Response synced = admin.get(directory + "/v1.0/" + collection + "?$top=999");
            assertThat(synced.status()).as("%s", synced).isEqualTo(200);
            List<String> anchors = StreamSupport.stream(synced.json().path("value").spliterator(), false)
                    .map(object -> object.path("onPremisesSecurityIdentifier").asString(""))
                    .filter(sid -> !sid.isEmpty()).toList();
            assertThat(anchors).as("synced %s", collection).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    /**
     * {@code count} more AD users (in {@code OU=Bulk}), added over LDAP so that the directory's AD emulation gives each
     * its objectGUID and objectSid: the seed alone syncs in a few milliseconds, too fast to kill its cycle mid-way.
     */
    private static void addUsers(int count) throws LDAPException {
        String ou = "OU=Bulk," + SeedDirectory.BASE_DN;
        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", directory.port(), SeedDirectory.BIND_DN,
                SeedDirectory.BIND_PASSWORD)) {
            ldap.add(new Entry(ou, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "Bulk")));
            for (int i = 0; i < count; i++) {
                String name = "bulk" + i;
                ldap.add(new Entry("CN=" + name + "," + ou,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                        new Attribute("sAMAccountName", name),
                        new Attribute("userPrincipalName", name + "@corp.example.test"),
                        new Attribute("displayName", "Bulk user " + i),
                        new Attribute("userAccountControl", "512")));
            }
        }
    }

    /** One value from the sync database (the test run's schema), or null. */
    private static String syncQuery(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES
                + DATABASE.databaseName(StewardService.SYNC) + "?currentSchema=" + SCHEMA, "postgres", "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    /**
     * Tenant settings changed alternately on both selfservice instances: every change is one event in the shared
     * outbox, and each is published once on {@code steward.selfservice.events} (only the instance holding the
     * {@code outbox-relay} lease publishes), still once a few seconds later. The test stack configures no mail
     * server; two instances sharing the mail queue are covered by selfservice-service's {@code TwoMailSendersIT}.
     */
    @Test
    void eachSelfServiceEventIsPublishedOnceByTwoInstances() {
        List<Instance> selfservices = instances.get(StewardService.SELFSERVICE);
        GraphClient.Response current = admin.get(selfservices.get(0).url() + "/mygroups/settings");
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        boolean value = current.json().path("ownersCanManageRequests").asBoolean();
        int changes = 10;
        for (int i = 0; i < changes; i++) {
            value = !value;
            GraphClient.Response changed = admin.patch(selfservices.get(i % 2).url() + "/mygroups/settings",
                    "{\"ownersCanManageRequests\":" + value + "}");
            assertThat(changed.status()).as("change %d: %s", i, changed).isEqualTo(200);
        }

        await("every change published").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedCounts("steward.selfservice.events", "selfservice.TenantSettingsChanged").size(),
                        published -> published >= changes);
        await("each published once, and still once five seconds later").atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedCounts("steward.selfservice.events", "selfservice.TenantSettingsChanged"),
                        counts -> counts.size() == changes && counts.values().stream().allMatch(count -> count == 1));
    }

    /** A command sender's producer on the test broker. */
    private static org.apache.kafka.clients.producer.KafkaProducer<String, dev.steward.contracts.ContractMessage>
            commandProducer() {
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all",
                dev.steward.contracts.kafka.ContractSerializer.SOURCE_CONFIG, "/steward/command-sender");
        return new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new dev.steward.contracts.kafka.ContractSerializer());
    }

    /** The statuses of the results on {@code steward.directory.command-results} for each of {@code commandIds}. */
    private static Map<String, List<String>> commandResults(java.util.Set<String> commandIds) {
        Map<String, List<String>> statuses = new HashMap<>();
        forEachRecord("steward.directory.command-results", record -> {
            JsonNode result = JSON.readTree(record.value());
            String commandId = result.path("commandId").asString("");
            if (commandIds.contains(commandId)) {
                statuses.computeIfAbsent(commandId, id -> new ArrayList<>()).add(result.path("status").asString(""));
            }
        });
        return statuses;
    }

    /** How many records of {@code type} each event id ({@code ce_id}) has on {@code topic}, read from the start. */
    private static Map<String, Integer> publishedCounts(String topic, String type) {
        Map<String, Integer> counts = new HashMap<>();
        forEachRecord(topic, record -> {
            if (type.equals(header(record, "ce_type"))) {
                counts.merge(header(record, "ce_id"), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Reads {@code topic} from the start to its current end. */
    private static void forEachRecord(String topic,
            java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> action) {
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class,
                org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config)) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(action);
            }
        }
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code startedAt}/{@code completedAt}, or Graph's {@code startDateTime}/{@code endDateTime}. */
    private static String time(JsonNode cycle, String which) {
        for (String field : which.equals("start") ? List.of("startedAt", "startDateTime", "startedDateTime")
                : List.of("completedAt", "endDateTime", "completedDateTime")) {
            if (cycle.hasNonNull(field)) {
                return cycle.path(field).asString();
            }
        }
        throw new AssertionError("no " + which + " time in " + cycle);
    }

    private static Map<String, Integer> auditCounts(String url, List<String> ids) {
        GraphClient.Response audits = admin.get(url);
        assertThat(audits.status()).as("%s", audits).isEqualTo(200);
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode entry : audits.json().path("value")) {
            for (JsonNode target : entry.path("targetResources")) {
                String id = target.path("id").asString("");
                if (ids.contains(id)) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static ChildProcess start(Path jar, String name, Map<String, String> properties,
                                      Map<String, Object> secrets, StackLayout layout) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(Arrays.asList(StackOptions.DEFAULT_JAVA_OPTS.split(" ")));
        command.add("-jar");
        command.add(jar.toString());
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        Map<String, String> environment = new HashMap<>();
        environment.put("MALLOC_ARENA_MAX", "2");
        environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(secrets));
        return ChildProcess.start(name, command, environment, root, layout.log(name));
    }

    private static void awaitUp(String name, String url, ChildProcess process) {
        await(name + " is UP").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .failFast(() -> assertThat(process.isAlive()).as(() -> name + " exited; its log:\n" + process.tail(60))
                        .isTrue())
                .until(() -> health(url), "UP"::equals);
    }

    private static String health(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("status")
                    .asString("");
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
