package dev.steward.directory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.References;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CreateGroup;
import dev.steward.contracts.command.DeleteGroup;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.kafka.ContractDeserializer;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.directory.DirectoryApplication;
import dev.steward.platform.jdbc.PlannerStatisticsRefresh;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory's performance targets (issue 5), measured against PostgreSQL and a real (in-JVM KRaft) broker, each
 * throughput reported next to the raw broker's produce+consume rate for the same payloads in the same run. Not part
 * of {@code ./mvnw verify}: run it with {@code bench/directory.sh} (profile {@code bench}); results go to
 * {@code bench/results/}. Sizes: {@code -Dbench.users}, {@code -Dbench.groups}, {@code -Dbench.groupSize},
 * {@code -Dbench.bigGroup}.
 */
@SpringBootTest(classes = DirectoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.config=classpath:logback-directory-test.xml"})
@AuthenticatedKafka(principal = KafkaPrincipal.DIRECTORY, partitions = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryBenchmark {

    static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_directory");
    private static final int USERS = Integer.getInteger("bench.users", 10_000);
    private static final int GROUPS = Integer.getInteger("bench.groups", 2_000);
    private static final int GROUP_SIZE = Integer.getInteger("bench.groupSize", 50);
    private static final int BIG_GROUP = Integer.getInteger("bench.bigGroup", 100_000);
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> REPORT = new ArrayList<>();
    private static final List<String> USER_IDS = new ArrayList<>();
    private static double rawRate;

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    /**
     * The service's own refresh (autovacuum's rule; these machines run no autovacuum), run at once after each bulk
     * load instead of within its check interval, so the next phase never starts on stale statistics.
     */
    @Autowired
    PlannerStatisticsRefresh plannerStatistics;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
        if (Boolean.getBoolean("bench.logSql")) {
            registry.add("spring.datasource.url", () -> DATABASE.url() + "&options=-c%20" + System.getProperty("bench.logSqlOption", "log_statement%3Dall"));
        }
    }

    @Test
    @Order(1)
    void rawBrokerProduceAndConsume() throws Exception {
        List<ContractCommand> sample = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            sample.add(i % 7 == 0 ? syncGroup(UUID.randomUUID().toString(), "Raw " + i) : syncUser(UUID.randomUUID().toString(), i));
        }
        String topic = "bench.raw";
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(Map.of(ContractSerializer.SOURCE_CONFIG, "/steward/bench"), false);
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (ContractCommand command : sample) {
                var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
                producer.send(new ProducerRecord<>(topic, null, command.key(), serializer.serialize(topic, headers,
                        command), headers));
            }
            producer.flush();
        }
        long consumed = consume(topic, sample.size(), new ByteArrayDeserializer(), value -> true);
        double seconds = seconds(started);
        rawRate = consumed / seconds;
        report("raw broker produce+consume (same payloads)", consumed, seconds, rawRate, null);
    }

    /**
     * Users first, then groups with their membership, as the sync engine sends them: the phases are separate because
     * records of different keys may be taken in any order across partitions. The stream runs twice with new objects:
     * the first right after the service started (its code not yet compiled by the JIT), the second as a running
     * service meets a sync engine's cycle; both are reported, the second is the figure against the target.
     */
    @Test
    @Order(2)
    void syncEnginesCommandStream() throws Exception {
        StreamRun cold = syncStream(0, "first after start");
        plannerStatistics.refreshNow();
        StreamRun warm = syncStream(USERS, "running service");
        assertThat(cold.rejected() + warm.rejected()).isZero();
    }

    private record StreamRun(double rate, long rejected) {
    }

    private StreamRun syncStream(int offset, String label) throws Exception {
        List<ContractCommand> users = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            SyncUser user = syncUser(UUID.randomUUID().toString(), offset + i);
            userIds.add(user.userId());
            users.add(user);
        }
        if (USER_IDS.isEmpty()) {
            USER_IDS.addAll(userIds);
        }
        List<ContractCommand> commands = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String anchor = UUID.randomUUID().toString();
            SyncGroup group = syncGroup(anchor, "Group " + (offset + g));
            commands.add(group);
            List<String> members = new ArrayList<>();
            for (int m = 0; m < GROUP_SIZE; m++) {
                members.add(userIds.get((g * GROUP_SIZE + m) % userIds.size()));
            }
            for (List<String> chunk : References.chunks(members, References.MAX_PER_MESSAGE)) {
                commands.add(new SyncGroupMembership(metadata(), group.groupId(), anchor, chunk, List.of(), List.of(),
                        List.of(), AT));
            }
        }
        Run usersRun = sendAndAwaitResults(users, TestTokens.syncEngine());
        plannerStatistics.refreshNow();
        Run groupsRun = sendAndAwaitResults(commands, TestTokens.syncEngine());
        int total = users.size() + commands.size();
        double seconds = usersRun.seconds + groupsRun.seconds;
        double rate = total / seconds;
        report("sync command stream, " + label + " (" + USERS + " users, then " + GROUPS + " groups of " + GROUP_SIZE
                        + ")", total, seconds, rate, (usersRun.rejected + groupsRun.rejected) + " rejected; users "
                        + String.format("%.0f/s, groups and membership %.0f/s; JVM CPU %.2f ms per command (users %.2f,"
                                + " groups %.2f)", users.size() / usersRun.seconds, commands.size() / groupsRun.seconds,
                        1000 * (usersRun.cpuSeconds + groupsRun.cpuSeconds) / total,
                        1000 * usersRun.cpuSeconds / users.size(), 1000 * groupsRun.cpuSeconds / commands.size()));
        return new StreamRun(rate, usersRun.rejected + groupsRun.rejected);
    }

    @Test
    @Order(3)
    void memberAdditionsEndToEnd() throws Exception {
        int groups = 10;
        List<ContractCommand> commands = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String id = UUID.randomUUID().toString();
            groupIds.add(id);
            commands.add(new CreateGroup(metadata(), id, "Additions " + g, null, "additions" + g, false, true,
                    List.of(), null, List.of(), List.of()));
        }
        sendAndAwaitResults(commands, TestTokens.groupsAdmin());
        List<ContractCommand> additions = new ArrayList<>();
        for (String groupId : groupIds) {
            for (List<String> chunk : References.chunks(USER_IDS, References.MAX_PER_MESSAGE)) {
                additions.add(new AddMembers(metadata(), groupId, chunk));
            }
        }
        long expected = (long) groups * USER_IDS.size();
        AtomicLong added = new AtomicLong();
        long started = System.nanoTime();
        Future<Long> events = watchEvents(value -> value instanceof MembersAdded m && groupIds.contains(m.groupId()),
                value -> added.addAndGet(((MembersAdded) value).members().size()) >= expected);
        send(additions, TestTokens.groupsAdmin());
        events.get();
        double seconds = seconds(started);
        report("member additions, command in to event on Kafka (" + additions.size() + " AddMembers)", expected,
                seconds, expected / seconds, null);
    }

    @Test
    @Order(4)
    void oneHundredThousandMemberGroup() throws Exception {
        List<ContractCommand> users = new ArrayList<>();
        List<String> ids = new ArrayList<>(USER_IDS);
        for (int i = ids.size(); i < BIG_GROUP; i++) {
            SyncUser user = syncUser(UUID.randomUUID().toString(), 2 * USERS + i);
            ids.add(user.userId());
            users.add(user);
        }
        if (!users.isEmpty()) {
            Run usersRun = sendAndAwaitResults(users, TestTokens.syncEngine());
            report("sync users for the big group", users.size(), usersRun.seconds, users.size() / usersRun.seconds,
                    null);
            plannerStatistics.refreshNow();
        }

        String groupId = UUID.randomUUID().toString();
        List<ContractCommand> commands = new ArrayList<>();
        commands.add(new CreateGroup(metadata(), groupId, "Everyone", null, "everyone", false, true, List.of(), null,
                List.of(), List.of()));
        for (List<String> chunk : References.chunks(ids.subList(0, BIG_GROUP), References.MAX_PER_MESSAGE)) {
            commands.add(new AddMembers(metadata(), groupId, chunk));
        }
        commands.add(new RemoveMembers(metadata(), groupId, List.of(ids.get(0))));
        commands.add(new AddMembers(metadata(), groupId, List.of(ids.get(0))));
        commands.add(new DeleteGroup(metadata(), groupId));
        AtomicLong added = new AtomicLong();
        long started = System.nanoTime();
        Future<Long> events = watchEvents(value -> (value instanceof MembersAdded m && m.groupId().equals(groupId))
                        || (value instanceof GroupDeleted d && d.groupId().equals(groupId)),
                value -> value instanceof GroupDeleted
                        ? added.get() >= BIG_GROUP + 1
                        : added.addAndGet(((MembersAdded) value).members().size()) < 0);
        Run run = sendAndAwaitResults(commands, TestTokens.groupsAdmin());
        events.get();
        double seconds = seconds(started);
        report("one " + BIG_GROUP + "-member group added, changed by one member, deleted; every event published",
                commands.size(), seconds, commands.size() / seconds, run.rejected + " rejected, "
                        + String.format("%.0f member additions/s", BIG_GROUP / seconds));
        assertThat(run.rejected).isZero();
    }

    @Test
    @Order(5)
    void httpLatencyAndConcurrency() throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
        String admin = TestTokens.groupsAdmin();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            groups.add(createGroup(http, admin, "Http " + i + " " + UUID.randomUUID().toString().substring(0, 8)));
        }
        long[] latencies = new long[500];
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = patch(http, admin, groups.get(0), "{\"description\":\"write " + i + "\"}");
            latencies[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(204);
        }
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) (latencies.length * 0.99)] / 1e6;
        REPORT.add(String.format("| single HTTP write (PATCH), %d sequential | p50 %.1f ms | p99 %.1f ms | target p99 < 50 ms |",
                latencies.length, p50, p99));
        for (int clients : List.of(16, 64)) {
            concurrent(http, admin, groups, clients, 50);
        }
        Long groupCount = jdbc.queryForObject("SELECT COUNT(*) FROM group_view", Long.class);
        List<ContractCommand> more = new ArrayList<>();
        for (long g = groupCount == null ? 0 : groupCount; g < 10_000; g++) {
            more.add(syncGroup(UUID.randomUUID().toString(), "Listed " + g));
        }
        sendAndAwaitResults(more, TestTokens.syncEngine());
        plannerStatistics.refreshNow();
        long started = System.nanoTime();
        int listed = 0;
        String next = "http://127.0.0.1:" + port + "/v1.0/groups?$top=999";
        while (next != null) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(next))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            var json = tools.jackson.databind.json.JsonMapper.shared().readTree(page.body());
            listed += json.get("value").size();
            next = json.has("@odata.nextLink") ? json.get("@odata.nextLink").asString() : null;
        }
        REPORT.add(String.format("| list every group at $top=999 | %d groups | %.2f s | target 10,000 in < 2 s |",
                listed, seconds(started)));
    }

    @Test
    @Order(6)
    void writeReport() throws IOException {
        Path results = Path.of(System.getProperty("bench.results", "../bench/results"));
        Files.createDirectories(results);
        Path file = results.resolve("directory-" + Instant.now().toString().substring(0, 19).replace(':', '-') + ".md");
        List<String> lines = new ArrayList<>();
        lines.add("# directory-service benchmark, " + Instant.now());
        lines.add("");
        lines.add("Command: `bench/directory.sh` (`./mvnw -B -ntp -pl directory-service verify -Pbench`), machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                + ", PostgreSQL on 127.0.0.1, in-JVM KRaft broker (3 partitions).");
        lines.add("");
        lines.add("| scenario | count | seconds | per second | ratio to raw broker | notes |");
        lines.add("|---|---|---|---|---|---|");
        lines.addAll(REPORT);
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.write(results.resolve("directory-latest.md"), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }

    private void concurrent(HttpClient http, String token, List<String> groups, int clients, int perClient)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String group = groups.get(c % groups.size());
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = i % 2 == 0
                                ? patch(http, token, group, "{\"description\":\"client " + client + " " + i + "\"}")
                                : http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/v1.0/groups/" + group)).header("Authorization", "Bearer " + token)
                                        .timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = seconds(started);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        REPORT.add(String.format("| %d concurrent HTTP clients, reads and writes mixed | %d requests | %.2f s | %.0f | | "
                        + "%d errors or timeouts, p99 %.1f ms |", clients, sorted.length, seconds, sorted.length / seconds,
                errors.get(), sorted[(int) (sorted.length * 0.99)] / 1e6));
        assertThat(errors.get()).isZero();
    }

    private String createGroup(HttpClient http, String token, String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1.0/groups")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name.replace(" ", "")
                                + "\",\"mailEnabled\":false,\"securityEnabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.shared().readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> patch(HttpClient http, String token, String group, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1.0/groups/" + group))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Run(double seconds, long rejected, double cpuSeconds) {
    }

    /** CPU time of this JVM (service, broker and benchmark client): steadier than wall time on a shared machine. */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Sends every command and waits until each has its result; seconds from the first send to the last result. */
    private Run sendAndAwaitResults(List<ContractCommand> commands, String token) throws Exception {
        if (commands.isEmpty()) {
            return new Run(0, 0, 0);
        }
        Map<UUID, Boolean> pending = new ConcurrentHashMap<>();
        commands.forEach(command -> pending.put(command.metadata().commandId(), true));
        AtomicLong rejected = new AtomicLong();
        long started = System.nanoTime();
        double cpuAtStart = processCpuSeconds();
        Future<Long> results = watch(Topics.DIRECTORY_COMMAND_RESULTS, value -> value instanceof CommandResult r
                && pending.containsKey(r.commandId()), value -> {
                    CommandResult result = (CommandResult) value;
                    if (result.status() == CommandResult.Status.REJECTED) {
                        rejected.incrementAndGet();
                        if (rejected.get() < 5) {
                            System.out.println("rejected: " + result);
                        }
                    }
                    pending.remove(result.commandId());
                    return pending.isEmpty();
                });
        send(commands, token);
        results.get();
        return new Run(seconds(started), rejected.get(), processCpuSeconds() - cpuAtStart);
    }

    private void send(List<ContractCommand> commands, String token) {
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(Map.of(ContractSerializer.SOURCE_CONFIG, "/steward/bench"), false);
        Map<String, Object> config = new HashMap<>(producerConfig());
        config.putAll(kafka.clientConfig(KafkaPrincipal.COMMAND_SENDER));
        try (var producer = new KafkaProducer<String, ContractMessage>(config, new StringSerializer(), serializer)) {
            for (ContractCommand command : commands) {
                var record = new ProducerRecord<String, ContractMessage>(Topics.DIRECTORY_COMMANDS, command.key(),
                        command);
                record.headers().add("authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private Future<Long> watchEvents(Predicate<ContractMessage> matching, Predicate<ContractMessage> done) {
        return watch(Topics.DIRECTORY_EVENTS, matching, done);
    }

    /** Reads {@code topic} from the end on a thread until {@code done} answers true for a matching value. */
    private Future<Long> watch(String topic, Predicate<ContractMessage> matching, Predicate<ContractMessage> done) {
        var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ContractDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return Executors.newSingleThreadExecutor().submit(() -> {
            long seen = 0;
            try (consumer) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                while (System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.value() != null && matching.test(record.value())) {
                            seen++;
                            if (done.test(record.value())) {
                                return seen;
                            }
                        }
                    }
                }
            }
            throw new IllegalStateException("gave up waiting on " + topic + " after " + seen + " records");
        });
    }

    private long consume(String topic, int expected, ByteArrayDeserializer values, Predicate<byte[]> matching) {
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            while (seen < expected) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
            return seen;
        }
    }

    /** The raw scenario and the readers run as the broker's super user; commands go as a command sender. */
    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024));
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        return config;
    }

    private void report(String scenario, long count, double seconds, double rate, String notes) {
        String ratio = rawRate > 0 && !scenario.startsWith("raw") ? String.format("%.3f", rate / rawRate) : "1";
        REPORT.add(String.format("| %s | %d | %.2f | %.0f | %s | %s |", scenario, count, seconds, rate, ratio,
                notes == null ? "" : notes));
        System.out.println(REPORT.get(REPORT.size() - 1));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static CommandMetadata metadata() {
        return new CommandMetadata(UUID.randomUUID(), Instant.now(), "bench");
    }

    private static SyncUser syncUser(String anchor, int i) {
        return new SyncUser(metadata(), DirectoryIds.fromAnchor(anchor), anchor, "user" + i + "@corp.example.test",
                "User " + i, "user" + i + "@corp.example.test", "S-1-5-21-1-2-3-" + (10_000 + i), "user" + i,
                "CN=User " + i + ",OU=People,DC=corp,DC=example,DC=test", AT);
    }

    private static SyncGroup syncGroup(String anchor, String name) {
        return new SyncGroup(metadata(), DirectoryIds.fromAnchor(anchor), anchor, name, "benchmark group",
                name.replace(" ", ""), null, false, true, List.of(), "S-1-5-21-1-2-3-9" + Math.abs(anchor.hashCode()),
                name.replace(" ", ""), "corp.example.test", "CORP", "CN=" + name + ",OU=Groups,DC=corp,DC=example,DC=test",
                OnPremisesExtensionAttributes.NONE, AT);
    }
}
