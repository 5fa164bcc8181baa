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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The self-service figures of issue 8 ("Performance"), against PostgreSQL and a real (in-JVM KRaft) broker. Not part
 * of {@code ./mvnw verify}: run it with {@code bench/selfservice.sh} (profile {@code bench}); results go to
 * {@code bench/results/}. Sizes: {@code -Dbench.events} (directory events for the read model), {@code -Dbench.requests}
 * (requests, each approved), {@code -Dbench.clients} (HTTP clients in parallel).
 * <p>
 * The directory is not in this JVM (self-service depends on no other service): an approval is measured to the
 * {@code AddMembers} command on the broker, and the directory's answer is played by a thread that answers each
 * {@code AddMembers} with a {@code SUCCEEDED} result, measured to the request's {@code Completed}.
 */
class SelfServiceBenchmark extends SelfServiceTestBase {

    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final List<String> report = new ArrayList<>();

    @Test
    void measuresTheReadModelRequestsAndApprovals() throws Exception {
        report.add("# Self-service benchmark " + Instant.now());
        report.add("");
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared). Events "
                + EVENTS + ", requests " + REQUESTS + ", HTTP clients " + CLIENTS + ".");
        report.add("");
        readModel();
        requestsAndApprovals();
        write();
    }

    /** Directory events consumed into the read model per second, next to the broker's raw consume rate. */
    private void readModel() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("selfservice-directory-events");
        container.stop();
        Integer before = processedCount();
        List<IntegrationEvent> events = directoryEvents();
        long produceStart = System.nanoTime();
        produce(events);
        double produceSeconds = seconds(produceStart);

        long rawStart = System.nanoTime();
        int raw = consumeRaw();
        double rawSeconds = seconds(rawStart);

        long start = System.nanoTime();
        container.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> processedCount() - before >= events.size());
        double modelSeconds = seconds(start);

        report.add("## Read model of directory events");
        report.add("");
        report.add("| what | events | seconds | events/s |");
        report.add("|---|---|---|---|");
        report.add(row("produced to `steward.directory.events` (async, acks=all)", events.size(), produceSeconds));
        report.add(row("raw broker consume of the topic (bytes, one consumer)", raw, rawSeconds));
        report.add(row("consumed into the read model (listener started after the produce)", events.size(),
                modelSeconds));
        report.add("");
        report.add("Events: in fours: `UserSynced`, `GroupCreated`, `OwnersAdded` (1 id), `MembersAdded` (10 ids). "
                + "Target (issue 8): at least 5,000 events/s into the read model.");
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

    private void produce(List<IntegrationEvent> events) throws Exception {
        Map<String, Object> config = new HashMap<>(testKafka.clientConfig(KafkaPrincipal.DIRECTORY));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ContractSerializer.SOURCE_CONFIG, KafkaPrincipal.DIRECTORY.source());
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(config, false);
        try (var producer = new KafkaProducer<String, ContractMessage>(config, new StringSerializer(), serializer)) {
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
     * Request -> the owner's inbox shows it; approval -> {@code AddMembers} on the broker; the directory's answer ->
     * {@code Completed}. Each request is to its own owner-approval group with its own owner.
     */
    private void requestsAndApprovals() throws Exception {
        List<TestUser> owners = new ArrayList<>();
        List<GroupFixture> groups = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            TestUser owner = TestUser.named("owner");
            owners.add(owner);
            groups.add(GroupFixture.cloudSecurityGroup().named("Bench " + i).ownedBy(owner.id())
                    .joining(JoinPolicy.OWNER_APPROVAL));
        }
        List<IntegrationEvent> creation = new ArrayList<>();
        groups.forEach(group -> creation.addAll(List.of(DirectoryEvents.creation(group))));
        produce(creation);
        await().atMost(Duration.ofMinutes(5)).until(() -> groups.stream().allMatch(g ->
                this.groups.find(g.id()).filter(known -> !known.ownerIds().isEmpty()).isPresent()));
        groups.forEach(group -> this.groups.setJoinPolicy(group.id(), JoinPolicy.OWNER_APPROVAL));

        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        Map<String, Long> addSeenAt = new ConcurrentHashMap<>();
        AtomicBoolean answering = new AtomicBoolean(true);
        ExecutorService directory = Executors.newSingleThreadExecutor();
        Future<?> answers = directory.submit(() -> playDirectory(answering, addSeenAt));

        List<Long> toInbox = Collections.synchronizedList(new ArrayList<>());
        List<Long> requestIds = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> requestOfGroup = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            done.add(clients.submit(() -> {
                TestUser requester = TestUser.named("req");
                long t0 = System.nanoTime();
                Response made = http.post("/mygroups/requests", requester.token(),
                        "{\"groupId\":\"" + groups.get(n).id() + "\"}");
                assertThat(made.status()).as(made.body()).isEqualTo(201);
                String id = made.text("id");
                while (!http.get("/mygroups/approvals", owners.get(n).token()).body().contains(id)) {
                    Thread.onSpinWait();
                }
                toInbox.add(System.nanoTime() - t0);
                requestOfGroup.put(groups.get(n).id(), id);
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        double requestSeconds = seconds(start);

        List<Long> approvals = Collections.synchronizedList(new ArrayList<>());
        done.clear();
        long approveStart = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            done.add(clients.submit(() -> {
                String id = requestOfGroup.get(groups.get(n).id());
                long t0 = System.nanoTime();
                approvedAt.put(groups.get(n).id(), t0);
                Response approved = http.post("/mygroups/requests/" + id + "/approve", owners.get(n).token(), "{}");
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                approvals.add(System.nanoTime() - t0);
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        double approveSeconds = seconds(approveStart);
        await().atMost(Duration.ofMinutes(5)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM membership_request WHERE status = 'Completed'", Integer.class) >= REQUESTS);
        long completedAll = System.nanoTime();
        answering.set(false);
        answers.get(1, TimeUnit.MINUTES);
        directory.shutdownNow();
        clients.shutdownNow();

        List<Long> toCommand = new ArrayList<>();
        approvedAt.forEach((group, t0) -> {
            Long seen = addSeenAt.get(group);
            if (seen != null) {
                toCommand.add(seen - t0);
            }
        });
        List<Long> toCompleted = jdbc.query("SELECT EXTRACT(EPOCH FROM (completed_date_time - decided_date_time)) * 1e9 "
                + "FROM membership_request WHERE status = 'Completed'", (rs, row) -> (long) rs.getDouble(1));

        report.add("## Requests and approvals");
        report.add("");
        report.add("| what | count | throughput/s | p50 ms | p99 ms | max ms |");
        report.add("|---|---|---|---|---|---|");
        report.add(latencyRow("request (POST) -> visible in the owner's inbox (GET /mygroups/approvals)", toInbox,
                REQUESTS / requestSeconds));
        report.add(latencyRow("approval (POST .../approve) answered", approvals, REQUESTS / approveSeconds));
        report.add(latencyRow("approval -> `AddMembers` on `steward.directory.commands` (seen by a consumer)",
                toCommand, Double.NaN));
        report.add(latencyRow("approval -> `Completed` after the played directory's SUCCEEDED (database timestamps)",
                toCompleted, REQUESTS / seconds(approveStart, completedAll)));
        report.add("");
        report.add("Targets (issue 8): 200 requests/s sustained; request -> owner inbox p99 under 1 s; approval -> "
                + "member in the directory p99 under 2 s (here: to the command on the broker and to `Completed` "
                + "with a played directory; the real directory's add is measured by bench/directory.sh).");
        report.add("");
    }

    /** Answers every {@code AddMembers} self-service sends with SUCCEEDED, as the directory would. */
    private void playDirectory(AtomicBoolean answering, Map<String, Long> seenAt) {
        Map<String, Object> config = new HashMap<>(testKafka.adminConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new dev.steward.contracts.kafka.ContractDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY_COMMANDS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (answering.get()) {
                for (ConsumerRecord<String, ContractMessage> record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.value() instanceof AddMembers add) {
                        seenAt.putIfAbsent(add.groupId(), System.nanoTime());
                        kafka.send(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(
                                new CommandResult.ContractCommandRef(add.metadata().commandId(), "directory.AddMembers",
                                        add.metadata().correlationId(), add.groupId()), Instant.now()));
                    }
                }
            }
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
