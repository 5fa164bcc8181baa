package dev.steward.selfservice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.selfservice.directory.DirectoryProjection;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The self-service figures of issue 8 ("Performance"), against PostgreSQL and a real (in-JVM KRaft) broker. Not part
 * of {@code ./mvnw verify}: run it with {@code bench/selfservice.sh} (profile {@code bench}); results go to
 * {@code bench/results/}. Sizes: {@code -Dbench.events} (directory events for the read model), {@code -Dbench.rate} and
 * {@code -Dbench.seconds} (requests per second and for how long, then approvals of them at the same rate),
 * {@code -Dbench.clients} (HTTP clients in parallel at most), {@code -Dbench.warmUpSeconds} (20: a round of
 * requests and approvals before the measured one, reported apart; 0 for none).
 * <p>
 * The directory is not in this JVM (self-service depends on no other service): an approval is measured to the
 * {@code AddMembers} command on the broker, and the directory's answer is played by a thread that confirms an add only
 * when the directory would ({@link PlayedDirectory}), measured to the request's {@code Completed}.
 */
class SelfServiceBenchmark extends SelfServiceTestBase {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    /** A round of requests and approvals before the measured one, so that the measured minute runs on a warm JVM. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 20);

    private final List<String> report = new ArrayList<>();

    @Test
    void measuresTheReadModelRequestsAndApprovals() throws Exception {
        report.add("# Self-service benchmark " + Instant.now());
        report.add("");
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), load average "
                + load() + " at the start. Events " + EVENTS + "; requests and approvals " + RATE + "/s for "
                + SECONDS + " s each; up to " + CLIENTS + " HTTP clients.");
        report.add("");
        readModel();
        requestsAndApprovals();
        write();
    }

    /** Directory events consumed into the read model per second, next to the broker's raw consume rate. */
    private void readModel() throws Exception {
        MessageListenerContainer container = pausedListener("selfservice-directory-events");
        Integer before = processedCount();
        List<IntegrationEvent> events = directoryEvents();
        long produceStart = System.nanoTime();
        produce(events);
        double produceSeconds = seconds(produceStart);

        long rawCpu = cpuNanos();
        long rawStart = System.nanoTime();
        int raw = consumeRaw();
        double rawSeconds = seconds(rawStart);
        rawCpu = cpuNanos() - rawCpu;

        long modelCpu = cpuNanos();
        long start = System.nanoTime();
        container.resume();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> processedCount() - before >= events.size());
        double modelSeconds = seconds(start);
        modelCpu = cpuNanos() - modelCpu;

        report.add("## Read model of directory events");
        report.add("");
        report.add("| what | events | seconds | events/s |");
        report.add("|---|---|---|---|");
        report.add(row("produced to `steward.directory.events` (async, acks=all)", events.size(), produceSeconds));
        report.add(row("raw broker consume of the topic (bytes, one consumer)", raw, rawSeconds));
        report.add(row("consumed into the read model (listener resumed after the produce)", events.size(),
                modelSeconds));
        report.add("");
        report.add("Events: in fours: `UserSynced`, `GroupCreated`, `OwnersAdded` (1 id), `MembersAdded` (10 ids). "
                + "Target (issue 8): at least 5,000 events/s into the read model.");
        report.add("");
        report.add(String.format("CPU time of this JVM (service, in-JVM broker and benchmark together; PostgreSQL is "
                + "another process) per 1,000 events: raw consume %.0f ms, read model %.0f ms. Load average at the "
                + "end: %s.", rawCpu / 1e6 / (raw / 1000.0), modelCpu / 1e6 / (events.size() / 1000.0), load()));
        report.add("");
    }

    private List<IntegrationEvent> directoryEvents() {
        List<IntegrationEvent> events = new ArrayList<>(EVENTS);
        Instant at = Instant.now();
        while (events.size() < EVENTS) {
            TestUser user = TestUser.named("bench");
            events.add(DirectoryEvents.userSynced(user.id(), user.userPrincipalName(), "Bench", at));
            GroupFixture group = GroupFixture.cloudSecurityGroup().named("Bench");
            events.add(DirectoryEvents.created(group.snapshot(), at));
            events.add(DirectoryEvents.ownersAdded(group, at, user.id()));
            List<dev.steward.contracts.event.DirectoryObjectRef> members = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                members.add(dev.steward.contracts.event.DirectoryObjectRef.user(java.util.UUID.randomUUID().toString()));
            }
            events.add(DirectoryEvents.membersAdded(group, at, members.toArray(dev.steward.contracts.event.DirectoryObjectRef[]::new)));
        }
        return events.subList(0, EVENTS);
    }

    /** A producer with the directory's credentials and {@code ce_source}: it writes the directory's topics. */
    private KafkaProducer<String, ContractMessage> directoryProducer() {
        Map<String, Object> config = new HashMap<>(testKafka.clientConfig(KafkaPrincipal.DIRECTORY));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ContractSerializer.SOURCE_CONFIG, KafkaPrincipal.DIRECTORY.source());
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    private void produce(List<IntegrationEvent> events) throws Exception {
        try (var producer = directoryProducer()) {
            List<Future<?>> sent = new ArrayList<>();
            for (IntegrationEvent event : events) {
                sent.add(producer.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, event.key(), event)));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private int consumeRaw() {
        Map<String, Object> config = new HashMap<>(testKafka.adminConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    /**
     * Request -> the owner's inbox shows it, then approval -> {@code AddMembers} on the broker -> the directory's
     * answer -> {@code Completed}: each phase open-loop at {@code bench.rate} per second for {@code bench.seconds}
     * (a request is started at its planned time whatever the ones before it do, and its latency counts from that
     * time, so a slow service cannot lower the rate it is measured at). Each request is to its own owner-approval
     * group with its own owner; every requester is a user the directory announced. A warm-up round of the same kind
     * ({@code bench.warmUpSeconds}, on other groups) comes first and is reported apart.
     */
    private void requestsAndApprovals() throws Exception {
        Round warmUp = WARM_UP_SECONDS > 0 ? round("Warm-up", RATE * WARM_UP_SECONDS) : null;
        reportRounds(warmUp, round("Bench", RATE * SECONDS));
    }

    /**
     * One round: {@code requests} requests to as many groups (named {@code name} and a number) at {@code RATE} per
     * second, each until the owner's inbox shows it, then their approvals at the same rate, until every request is
     * completed by the played directory.
     */
    private Round round(String name, int requests) throws Exception {
        List<TestUser> owners = new ArrayList<>(requests);
        List<TestUser> requesters = new ArrayList<>(requests);
        List<GroupFixture> groups = new ArrayList<>(requests);
        List<IntegrationEvent> setup = new ArrayList<>();
        Instant at = Instant.now();
        for (int i = 0; i < requests; i++) {
            TestUser owner = TestUser.named("owner");
            TestUser requester = TestUser.named("req");
            owners.add(owner);
            requesters.add(requester);
            GroupFixture group = GroupFixture.cloudSecurityGroup().named(name + " " + i).ownedBy(owner.id());
            groups.add(group);
            setup.addAll(List.of(DirectoryEvents.creation(group)));
            setup.add(DirectoryEvents.userSynced(requester.id(), requester.userPrincipalName(), "Requester " + i, at));
        }
        Integer before = processedCount();
        produce(setup);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> processedCount() - before >= setup.size());
        jdbc.batchUpdate("UPDATE directory_group SET join_policy = ? WHERE id = ?", groups.stream()
                .map(group -> new Object[] {JoinPolicy.OWNER_APPROVAL.wireName(), group.id()}).toList());
        jdbc.execute("ANALYZE");
        List<String> ownerTokens = owners.stream().map(TestUser::token).toList();
        List<String> requesterTokens = requesters.stream().map(TestUser::token).toList();

        PlayedDirectory directory = new PlayedDirectory(groups, requesters);
        ExecutorService directoryThread = Executors.newSingleThreadExecutor();
        Future<?> answers = directoryThread.submit(directory::run);

        String[] requestIds = new String[requests];
        String loadBefore = load();
        Phase requesting = openLoop(requests, n -> {
            Response made = http.post("/mygroups/requests", requesterTokens.get(n),
                    "{\"groupId\":\"" + groups.get(n).id() + "\"}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String id = made.text("id");
            while (!http.get("/mygroups/approvals", ownerTokens.get(n)).body().contains(id)) {
                Thread.onSpinWait();
            }
            requestIds[n] = id;
        });
        String loadAfterRequests = load();

        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        long approveStart = System.nanoTime();
        Phase approving = openLoop(requests, n -> {
            approvedAt.put(groups.get(n).id(), System.nanoTime());
            Response approved = http.post("/mygroups/requests/" + requestIds[n] + "/approve", ownerTokens.get(n), "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        });
        String ofRound = " FROM membership_request WHERE group_display_name LIKE '" + name + " %'";
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*)" + ofRound + " AND status IN ('Completed', 'AddRefused')",
                Integer.class) >= requests);
        long completedAll = System.nanoTime();
        String loadAfterApprovals = load();
        directory.stop();
        answers.get(1, TimeUnit.MINUTES);
        directoryThread.shutdownNow();

        List<Long> toCommand = new ArrayList<>();
        approvedAt.forEach((group, t0) -> {
            Long seen = directory.addSeenAt.get(group);
            if (seen != null) {
                toCommand.add(seen - t0);
            }
        });
        List<Long> toCompleted = jdbc.query("SELECT EXTRACT(EPOCH FROM (completed_date_time - decided_date_time)) * 1e9"
                + ofRound + " AND status = 'Completed'", (rs, row) -> (long) rs.getDouble(1));
        Integer refused = jdbc.queryForObject("SELECT COUNT(*)" + ofRound + " AND status = 'AddRefused'", Integer.class);
        return new Round(requests, requesting, approving, toCommand, toCompleted, directory, refused, loadBefore,
                loadAfterRequests, loadAfterApprovals, approveStart, completedAll);
    }

    private record Round(int requests, Phase requesting, Phase approving, List<Long> toCommand, List<Long> toCompleted,
                         PlayedDirectory directory, int refused, String loadBefore, String loadAfterRequests,
                         String loadAfterApprovals, long approveStart, long completedAll) {
    }

    private void reportRounds(Round warmUp, Round measured) {
        int requests = measured.requests;
        Phase requesting = measured.requesting;
        Phase approving = measured.approving;
        List<Long> toCommand = measured.toCommand;
        List<Long> toCompleted = measured.toCompleted;
        PlayedDirectory directory = measured.directory;
        int refused = measured.refused;
        String loadBefore = measured.loadBefore;
        String loadAfterRequests = measured.loadAfterRequests;
        String loadAfterApprovals = measured.loadAfterApprovals;
        long approveStart = measured.approveStart;
        long completedAll = measured.completedAll;

        report.add("## Requests and approvals");
        report.add("");
        report.add(String.format("Open loop: %d per second planned for %d s in each phase (%,d requests, then %,d "
                + "approvals), up to %d HTTP clients in parallel. Latencies count from each call's planned start.",
                RATE, SECONDS, requests, requests, CLIENTS));
        if (warmUp != null) {
            report.add("");
            report.add(String.format("Before it, a warm-up round of the same kind on other groups (%d s at %d/s, not "
                    + "counted; the service had only applied the read model's events until then): requests %,.0f/s, "
                    + "request -> inbox p99 %.1f ms; approvals %,.0f/s, p99 %.1f ms.", WARM_UP_SECONDS, RATE,
                    warmUp.requests() / warmUp.requesting().seconds(), percentile(sorted(warmUp.requesting().latencies()),
                            0.99), warmUp.requests() / warmUp.approving().seconds(),
                    percentile(sorted(warmUp.approving().latencies()), 0.99)));
        }
        report.add("");
        report.add("| what | count | throughput/s | p50 ms | p99 ms | max ms |");
        report.add("|---|---|---|---|---|---|");
        report.add(latencyRow("request (POST) -> visible in the owner's inbox (GET /mygroups/approvals)",
                requesting.latencies(), requests / requesting.seconds()));
        report.add(latencyRow("approval (POST .../approve) answered", approving.latencies(),
                requests / approving.seconds()));
        report.add(latencyRow("approval -> `AddMembers` on `steward.directory.commands` (seen by a consumer)",
                toCommand, Double.NaN));
        report.add(latencyRow("approval -> `Completed` after the played directory's SUCCEEDED (database timestamps)",
                toCompleted, toCompleted.size() / seconds(approveStart, completedAll)));
        report.add("");
        report.add(String.format("The played directory confirmed %,d adds and refused %,d (requests AddRefused: %d). "
                + "Load average (1, 5, 15 min; 2 cores): before %s; after the requests %s; after the approvals %s.",
                directory.confirmed.get(), directory.refused.get(), refused, loadBefore, loadAfterRequests,
                loadAfterApprovals));
        report.add("");
        report.add("Targets (issue 8): 200 requests/s sustained for a minute; request -> owner inbox p99 under 1 s; "
                + "approval -> member in the directory p99 under 2 s (here: to the command on the broker and to "
                + "`Completed` with a played directory; the real directory's add is measured by bench/directory.sh).");
        report.add("");
    }

    /** Starts {@code count} calls at {@code RATE} per second on {@code CLIENTS} threads; each call gets its index. */
    private Phase openLoop(int count, java.util.function.IntConsumer call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<Future<?>> done = new ArrayList<>(count);
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / RATE;
        for (int i = 0; i < count; i++) {
            int n = i;
            long planned = start + n * periodNanos;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            done.add(clients.submit(() -> {
                call.accept(n);
                latencies.add(System.nanoTime() - planned);
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        double seconds = seconds(start);
        clients.shutdownNow();
        return new Phase(latencies, seconds);
    }

    private record Phase(List<Long> latencies, double seconds) {
    }

    /** CPU time this JVM has used, all threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Plays the directory's part for self-service's {@code AddMembers}: like the directory, it confirms an add only
     * to a group it knows, of users it knows who are not members yet, and then announces {@code MembersAdded} on its
     * events topic; anything else it refuses as the directory would (not found, already a member).
     */
    private final class PlayedDirectory {

        final Map<String, Long> addSeenAt = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger confirmed = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        private final Map<String, GroupFixture> groups = new HashMap<>();
        private final java.util.Set<String> users = new java.util.HashSet<>();
        private final Map<String, java.util.Set<String>> members = new HashMap<>();
        private final AtomicBoolean answering = new AtomicBoolean(true);

        PlayedDirectory(List<GroupFixture> groups, List<TestUser> users) {
            groups.forEach(group -> this.groups.put(group.id(), group));
            users.forEach(user -> this.users.add(user.id()));
        }

        void stop() {
            answering.set(false);
        }

        void run() {
            Map<String, Object> config = new HashMap<>(testKafka.adminConfig());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new dev.steward.contracts.kafka.ContractDeserializer()); var producer = directoryProducer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY_COMMANDS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                while (answering.get()) {
                    for (ConsumerRecord<String, ContractMessage> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.value() instanceof AddMembers add) {
                            addSeenAt.putIfAbsent(add.groupId(), System.nanoTime());
                            answer(add, producer);
                        }
                    }
                }
            }
        }

        /** Answers without waiting for the broker (the directory's own results are sent by its outbox, in batches). */
        private void answer(AddMembers add, KafkaProducer<String, ContractMessage> producer) {
            var ref = new CommandResult.ContractCommandRef(add.metadata().commandId(), "directory.AddMembers",
                    add.metadata().correlationId(), add.groupId());
            GroupFixture group = groups.get(add.groupId());
            java.util.Set<String> current = members.computeIfAbsent(add.groupId(), id -> new java.util.HashSet<>());
            if (group == null || !users.containsAll(add.memberIds())) {
                refused.incrementAndGet();
                send(producer, Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.rejected(ref,
                        "Request_ResourceNotFound", "Resource does not exist or one of its queried "
                                + "reference-property objects are not present.", Instant.now()));
            } else if (add.memberIds().stream().anyMatch(current::contains)) {
                refused.incrementAndGet();
                send(producer, Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.rejected(ref, "Request_BadRequest",
                        "One or more added object references already exist for the following modified properties: "
                                + "'members'.", Instant.now()));
            } else {
                current.addAll(add.memberIds());
                confirmed.incrementAndGet();
                send(producer, Topics.DIRECTORY_EVENTS, DirectoryEvents.membersAdded(group, Instant.now(),
                        add.memberIds().stream().map(dev.steward.contracts.event.DirectoryObjectRef::user)
                                .toArray(dev.steward.contracts.event.DirectoryObjectRef[]::new)));
                send(producer, Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(ref, Instant.now()));
            }
        }

        private static void send(KafkaProducer<String, ContractMessage> producer, String topic, ContractMessage message) {
            producer.send(new ProducerRecord<>(topic, message.key(), message));
        }
    }

    private Integer processedCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_message WHERE consumer = ?", Integer.class,
                DirectoryProjection.CONSUMER);
    }

    private static double seconds(long startNanos) {
        return seconds(startNanos, System.nanoTime());
    }

    private static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }

    private static String row(String what, int count, double seconds) {
        return String.format("| %s | %,d | %.2f | %,.0f |", what, count, seconds, count / seconds);
    }

    private static String latencyRow(String what, List<Long> nanos, double throughput) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("| %s | %,d | %s | %.1f | %.1f | %.1f |", what, sorted.size(),
                Double.isNaN(throughput) ? "" : String.format("%,.0f", throughput), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private void write() throws IOException {
        Path results = Path.of(System.getProperty("bench.results", "target/bench-results"));
        Files.createDirectories(results);
        String text = String.join("\n", report) + "\n";
        String stamp = Instant.now().toString().replace(":", "-").substring(0, 19);
        Files.writeString(results.resolve("selfservice-" + stamp + ".md"), text);
        Files.writeString(results.resolve("selfservice-latest.md"), text);
        System.out.println(text);
    }
}
