package dev.steward.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.launcher.service.HealthProbe;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.RunFiles;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.platform.kafka.access.BrokerSecurity;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 6's fault-injection run (bench/faults.sh, Maven profile {@code -Pfaults}; never part of {@code verify}):
 * starts a throwaway stack on PostgreSQL, drives HTTP writes and Kafka commands at a steady rate while it kills each
 * service with SIGKILL, kills the broker (the launcher restarts it) and restarts PostgreSQL, then checks that every
 * accepted write has exactly one directory event and one audit entry. Writes {@code bench/results/faults-<time>.md}.
 *
 * <p>Matching is by correlation id: an HTTP request's {@code client-request-id} (a new one per attempt, since a retried
 * POST may legitimately be a second write) and a Kafka command's {@code metadata.correlationId} (kept, with the
 * command id, on every resend) become the event's and the audit entry's correlation id.
 */
class FaultInjectionFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "admin@corp.example.test";
    private static final String EVENTS = "steward.directory.events";
    private static final String COMMANDS = "steward.directory.commands";
    private static final String RESULTS = "steward.directory.command-results";

    /** One write: what was sent, the event and audit activity it must produce, and its outcome. */
    record Write(String channel, String kind, String correlationId, String groupId, String eventType,
                 String auditActivity, Instant at) {
    }

    private final Path repositoryRoot = Path.of(System.getProperty("steward.repo-root", "..")).toAbsolutePath()
            .normalize();
    private final Duration loadDuration = Duration.parse(System.getProperty("faults.duration", "PT4M"));
    private final double ratePerSecond = Double.parseDouble(System.getProperty("faults.rate", "4"));
    private final Path resultsDirectory = Path.of(System.getProperty("faults.results",
            repositoryRoot.resolve("bench/results").toString()));
    private final String postgres = System.getProperty("faults.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private final String postgresRestart = System.getProperty("faults.postgresRestart",
            "pg_ctlcluster --skip-systemctl-redirect 15 main restart");

    private final List<Write> accepted = new CopyOnWriteArrayList<>();
    private final List<Write> unknown = new CopyOnWriteArrayList<>();
    private final List<Write> refused = new CopyOnWriteArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> results = new ConcurrentHashMap<>();
    private final AtomicBoolean loadRunning = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dataDir;
    private String prefix;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private String token;
    private String memberId;
    private Properties credentials;

    @Test
    void everyAcceptedWriteHasExactlyOneEventAndOneAuditEntry() throws Exception {
        Instant started = Instant.now();
        dataDir = Files.createTempDirectory("steward-faults");
        prefix = "faults_" + Long.toString(System.currentTimeMillis(), 36) + "_";
        for (String name : List.of("kafka", "kafka-controller", "ldap", "directory", "selfservice", "sync", "audit")) {
            ports.put(name, Ports.free());
        }
        List<String> up = new ArrayList<>(List.of("up", "--detach", "--data-dir=" + dataDir,
                "--postgres=" + postgres, "--db-prefix=" + prefix, "--ready-timeout=400"));
        ports.forEach((name, port) -> up.add("--" + name + "-port=" + port));
        String upCommand = "./steward " + String.join(" ", up);
        try {
            run(Duration.ofMinutes(10), up.toArray(String[]::new));
            token = run(Duration.ofMinutes(1), "token", "--data-dir=" + dataDir, "--user", ADMIN, "--scp",
                    "Group.ReadWrite.All GroupMember.ReadWrite.All User.Read.All AuditLog.Read.All Directory.Read.All",
                    "--lifetime", "PT2H").strip();
            credentials = new Properties();
            try (Reader reader = Files.newBufferedReader(dataDir.resolve("kafka-credentials.properties"))) {
                credentials.load(reader);
            }
            memberId = firstUserId();

            ResultReader resultReader = new ResultReader();
            resultReader.start();
            List<Thread> load = List.of(thread("http-load", this::httpLoad), thread("kafka-load-1", this::kafkaLoad),
                    thread("kafka-load-2", this::kafkaLoad));
            load.forEach(Thread::start);
            Instant loadStarted = Instant.now();
            injectFaults();
            long remaining = loadDuration.toMillis() - Duration.between(loadStarted, Instant.now()).toMillis();
            Thread.sleep(Math.max(remaining, 20_000));
            loadRunning.set(false);
            for (Thread thread : load) {
                thread.join(TimeUnit.MINUTES.toMillis(5));
            }
            Instant loadEnded = Instant.now();
            resultReader.stop();

            Map<String, List<String>> events = awaitQuiet("events", this::readEvents);
            Map<String, List<String>> audits = awaitQuiet("audit entries", this::readAudits);
            report(started, upCommand, loadStarted, loadEnded, events, audits);
        } finally {
            try {
                run(Duration.ofMinutes(3), "down", "--data-dir=" + dataDir);
            } catch (RuntimeException e) {
                System.out.println("down failed: " + e.getMessage());
            }
            dropDatabases();
            if (!Boolean.getBoolean("faults.keep")) {
                deleteRecursively(dataDir);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // ---------------------------------------------------------------- faults

    private void injectFaults() throws Exception {
        RunFiles runFiles = new RunFiles(new StackLayout(dataDir));
        Thread.sleep(20_000);
        for (String service : List.of("directory", "selfservice", "sync", "audit")) {
            String module = service + "-service";
            long pid = runFiles.pid(module).orElseThrow();
            Instant at = Instant.now();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            HealthProbe probe = new HealthProbe("http://127.0.0.1:" + ports.get(service));
            Instant back = awaitUntil(Duration.ofMinutes(6), () -> runFiles.pid(module).orElse(pid) != pid
                    && probe.check().up());
            faults.add(String.format(Locale.ROOT, "%s kill -9 %s (pid %d); UP again %s (after %.1f s)", at, module,
                    pid, back, Duration.between(at, back).toMillis() / 1000.0));
            Thread.sleep(15_000);
        }
        long brokerPid = runFiles.pid(RunFiles.KAFKA).orElseThrow();
        Instant at = Instant.now();
        ProcessHandle.of(brokerPid).ifPresent(ProcessHandle::destroyForcibly);
        Instant back = awaitUntil(Duration.ofMinutes(4), () -> runFiles.pid(RunFiles.KAFKA).orElse(brokerPid)
                != brokerPid && Files.readString(dataDir.resolve("logs/launcher.log")).contains("Kafka is up again"));
        faults.add(String.format(Locale.ROOT, "%s kill -9 Kafka broker (pid %d); the launcher restarted it, up "
                + "again %s (after %.1f s)", at, brokerPid, back, Duration.between(at, back).toMillis() / 1000.0));
        Thread.sleep(20_000);
        at = Instant.now();
        Process restart = new ProcessBuilder("sh", "-c", postgresRestart).redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = restart.waitFor();
        faults.add(String.format(Locale.ROOT, "%s PostgreSQL restart (`%s`, exit %d%s), done %s", at,
                postgresRestart, exit, output.isBlank() ? "" : ": " + output.strip(), Instant.now()));
        Thread.sleep(20_000);
    }

    // ---------------------------------------------------------------- HTTP load

    private void httpLoad() {
        List<String> groups = new ArrayList<>();
        long n = 0;
        while (loadRunning.get()) {
            n++;
            String unique = "faults-http-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
            if (n % 2 == 1 || groups.isEmpty()) {
                ObjectNode body = JSON.createObjectNode().put("displayName", unique).put("mailNickname", unique)
                        .put("mailEnabled", false).put("securityEnabled", true).put("description", unique);
                JsonNode created = httpWrite("POST", "/v1.0/groups", body, "create group", null,
                        "directory.GroupCreated", "Add group");
                if (created != null) {
                    groups.add(created.path("id").asString());
                }
            } else {
                String groupId = groups.get((int) (n % groups.size()));
                httpWrite("PATCH", "/v1.0/groups/" + groupId, JSON.createObjectNode().put("description", unique),
                        "update description", groupId, "directory.GroupUpdated", "Update group");
            }
            pace(ratePerSecond / 2);
        }
    }

    /** Sends until a definite answer: a 2xx is accepted, a 4xx refused; a connection error or 5xx is retried. */
    private JsonNode httpWrite(String method, String path, JsonNode body, String kind, String groupId,
                               String eventType, String activity) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            String correlationId = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("directory")
                            + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("client-request-id", correlationId)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                JsonNode answer = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
                String id = groupId != null ? groupId : answer.path("id").asString(null);
                Write write = new Write("HTTP", kind, correlationId, id, eventType, activity, Instant.now());
                if (status / 100 == 2) {
                    accepted.add(write);
                    return answer;
                }
                if (status >= 500) {
                    unknown.add(write);
                    retries.merge("HTTP " + status, 1, Integer::sum);
                } else {
                    refused.add(new Write("HTTP", kind + " -> " + status + " " + response.body(), correlationId,
                            id, eventType, activity, Instant.now()));
                    return null;
                }
            } catch (ConnectException e) {
                retries.merge("HTTP connection refused", 1, Integer::sum);
            } catch (IOException e) {
                unknown.add(new Write("HTTP", kind, correlationId, groupId, eventType, activity, Instant.now()));
                retries.merge("HTTP " + e.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            sleep(1_000);
        }
        return null;
    }

    // ---------------------------------------------------------------- Kafka load

    private void kafkaLoad() {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.clientProperties("command-sender",
                credentials.getProperty("command-sender")));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.get("kafka"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            while (loadRunning.get()) {
                String groupId = UUID.randomUUID().toString();
                String unique = "faults-kafka-" + groupId.substring(0, 8);
                ObjectNode create = JSON.createObjectNode().put("groupId", groupId).put("displayName", unique)
                        .put("description", unique).put("mailNickname", unique).put("mailEnabled", false)
                        .put("securityEnabled", true);
                create.putArray("groupTypes");
                create.putArray("ownerIds");
                create.putArray("memberIds");
                if (!command(producer, "directory.CreateGroup", groupId, create, "directory.GroupCreated",
                        "Add group")) {
                    continue;
                }
                pace(ratePerSecond / 2);
                ObjectNode add = JSON.createObjectNode().put("groupId", groupId);
                add.putArray("memberIds").add(memberId);
                command(producer, "directory.AddMembers", groupId, add, "directory.MembersAdded",
                        "Add member to group");
                pace(ratePerSecond / 2);
                ObjectNode update = JSON.createObjectNode().put("groupId", groupId);
                update.putObject("properties").put("description", unique + "-updated");
                command(producer, "directory.UpdateGroup", groupId, update, "directory.GroupUpdated",
                        "Update group");
                pace(ratePerSecond / 2);
            }
        }
    }

    /**
     * Sends one command and waits for its result; resends it (same command id and correlation id) when the send
     * fails or no result comes within 30 s. True when it SUCCEEDED.
     */
    private boolean command(KafkaProducer<String, String> producer, String type, String groupId, ObjectNode body,
                            String eventType, String activity) {
        String commandId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        body.putObject("metadata").put("commandId", commandId).put("issuedAt", Instant.now().toString())
                .put("correlationId", correlationId);
        Write write = new Write("Kafka", type, correlationId, groupId, eventType, activity, Instant.now());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        boolean first = true;
        while (Instant.now().isBefore(deadline)) {
            if (!first) {
                retries.merge("Kafka resend " + type, 1, Integer::sum);
            }
            first = false;
            ProducerRecord<String, String> record = new ProducerRecord<>(COMMANDS, groupId, body.toString());
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", commandId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
            try {
                producer.send(record).get(40, TimeUnit.SECONDS);
            } catch (Exception e) {
                sleep(2_000);
                continue;
            }
            Instant wait = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(wait)) {
                JsonNode result = results.get(commandId);
                if (result != null) {
                    if ("SUCCEEDED".equals(result.path("status").asString())) {
                        accepted.add(write);
                        return true;
                    }
                    refused.add(new Write("Kafka", type + " -> " + result.path("errorCode").asString() + " "
                            + result.path("message").asString(), correlationId, groupId, eventType, activity,
                            Instant.now()));
                    return false;
                }
                sleep(100);
            }
        }
        unknown.add(write);
        return false;
    }

    /** Reads the command results topic (as the super user, by assignment) into {@link #results}. */
    private final class ResultReader {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start() {
            thread = thread("result-reader", () -> {
                try (KafkaConsumer<String, String> consumer = adminConsumer()) {
                    List<TopicPartition> partitions = partitions(consumer, RESULTS);
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    while (running.get()) {
                        try {
                            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                                JsonNode result = JSON.readTree(record.value());
                                results.put(result.path("commandId").asString(), result);
                            }
                        } catch (RuntimeException e) {
                            sleep(1_000);
                        }
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }

    // ---------------------------------------------------------------- checking

    /** Correlation id to {@code <type> <event id>} of each directory event record carrying it. */
    private Map<String, List<String>> readEvents() {
        Map<String, List<String>> byCorrelation = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = adminConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, EVENTS);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = JSON.readTree(record.value());
                    Header type = record.headers().lastHeader("ce_type");
                    String correlationId = event.path("metadata").path("correlationId").asString("");
                    byCorrelation.computeIfAbsent(correlationId, k -> new ArrayList<>())
                            .add((type == null ? "?" : new String(type.value(), StandardCharsets.UTF_8)) + " "
                                    + event.path("metadata").path("eventId").asString(""));
                }
            }
        }
        return byCorrelation;
    }

    /** Correlation id to the activities of the audit entries carrying it (every page of directoryAudits). */
    private Map<String, List<String>> readAudits() {
        Map<String, List<String>> byCorrelation = new HashMap<>();
        String url = "http://127.0.0.1:" + ports.get("audit") + "/v1.0/auditLogs/directoryAudits?"
                + URLEncoder.encode("$top", StandardCharsets.UTF_8) + "=999";
        try {
            while (url != null) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode page = JSON.readTree(response.body());
                for (JsonNode entry : page.path("value")) {
                    byCorrelation.computeIfAbsent(entry.path("correlationId").asString(""), k -> new ArrayList<>())
                            .add(entry.path("activityDisplayName").asString());
                }
                url = page.path("@odata.nextLink").asString(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return byCorrelation;
    }

    /** Reads until two reads 15 s apart see the same number of records (at most 5 minutes). */
    private Map<String, List<String>> awaitQuiet(String what,
                                                 java.util.function.Supplier<Map<String, List<String>>> read) {
        Map<String, List<String>> last = read.get();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            sleep(15_000);
            Map<String, List<String>> next = read.get();
            if (count(next) == count(last)) {
                return next;
            }
            last = next;
        }
        System.out.println(what + " still changing after 5 minutes");
        return last;
    }

    private static long count(Map<String, List<String>> map) {
        return map.values().stream().mapToLong(List::size).sum();
    }

    private void report(Instant started, String upCommand, Instant loadStarted, Instant loadEnded,
                        Map<String, List<String>> events, Map<String, List<String>> audits) throws IOException {
        List<String> lostEvents = new ArrayList<>();
        List<String> duplicatedEvents = new ArrayList<>();
        List<String> lostAudits = new ArrayList<>();
        List<String> duplicatedAudits = new ArrayList<>();
        List<String> redelivered = new ArrayList<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (Write write : accepted) {
            byKind.merge(write.channel() + " " + write.kind(), 1, Integer::sum);
            List<String> copies = events.getOrDefault(write.correlationId(), List.of()).stream()
                    .filter(event -> event.startsWith(write.eventType() + " ")).toList();
            long eventCount = copies.stream().distinct().count();
            long auditCount = audits.getOrDefault(write.correlationId(), List.of()).stream()
                    .filter(write.auditActivity()::equals).count();
            String line = write.channel() + " " + write.kind() + " group " + write.groupId() + " correlation "
                    + write.correlationId() + " at " + write.at();
            if (eventCount == 0) {
                lostEvents.add(line);
            } else if (eventCount > 1) {
                duplicatedEvents.add(line + ": " + eventCount + " events");
            }
            if (copies.size() > eventCount) {
                redelivered.add(line + ": " + copies.size() + " records of " + eventCount + " event(s) " + copies);
            }
            if (auditCount == 0) {
                lostAudits.add(line);
            } else if (auditCount > 1) {
                duplicatedAudits.add(line + ": " + auditCount + " audit entries");
            }
        }
        List<String> unknownOutcomes = new ArrayList<>();
        int unknownWritten = 0;
        for (Write write : unknown) {
            long eventCount = events.getOrDefault(write.correlationId(), List.of()).stream()
                    .filter(event -> event.startsWith(write.eventType() + " ")).distinct().count();
            long auditCount = audits.getOrDefault(write.correlationId(), List.of()).stream()
                    .filter(write.auditActivity()::equals).count();
            if (eventCount > 0) {
                unknownWritten++;
            }
            unknownOutcomes.add(write.channel() + " " + write.kind() + " correlation " + write.correlationId()
                    + " at " + write.at() + ": " + eventCount + " events, " + auditCount + " audit entries"
                    + (eventCount > 1 || auditCount > 1 || eventCount != auditCount ? "  <-- inconsistent" : ""));
        }
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC).format(started);
        StringBuilder md = new StringBuilder();
        md.append("# Fault injection, ").append(started).append("\n\n");
        md.append("Command: `bench/faults.sh").append(System.getProperty("faults.args", "")).append("` (").append(
                Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(").\n\n");
        md.append("Stack: `").append(upCommand).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Load: %s to %s (%.0f s): one HTTP client (POST /v1.0/groups, PATCH of "
                        + "a unique description; about %.1f/s) and two Kafka command senders (CreateGroup, AddMembers, "
                        + "UpdateGroup, each waiting for its CommandResult; about %.1f/s each) as `command-sender` "
                        + "with a bearer token of %s.%n%n", loadStarted, loadEnded,
                Duration.between(loadStarted, loadEnded).toMillis() / 1000.0, ratePerSecond / 2, ratePerSecond / 2,
                ADMIN));
        md.append("## Faults\n\n");
        faults.forEach(f -> md.append("- ").append(f).append('\n'));
        md.append("\n## Counts\n\n| | count |\n|---|---|\n");
        md.append("| writes accepted (HTTP 2xx, Kafka SUCCEEDED) | ").append(accepted.size()).append(" |\n");
        byKind.forEach((kind, n) -> md.append("| - ").append(kind).append(" | ").append(n).append(" |\n"));
        md.append("| faults injected | ").append(faults.size()).append(" |\n");
        md.append("| lost events (accepted, no event) | ").append(lostEvents.size()).append(" |\n");
        md.append("| duplicated events (accepted, more than one event id) | ").append(duplicatedEvents.size())
                .append(" |\n");
        md.append("| events published more than once (same event id; consumers drop the copy) | ")
                .append(redelivered.size()).append(" |\n");
        md.append("| lost audit entries | ").append(lostAudits.size()).append(" |\n");
        md.append("| duplicated audit entries | ").append(duplicatedAudits.size()).append(" |\n");
        md.append("| writes refused (4xx, REJECTED) | ").append(refused.size()).append(" |\n");
        md.append("| attempts with unknown outcome (timeout, 5xx, no result) | ").append(unknown.size())
                .append(" (of which written: ").append(unknownWritten).append(") |\n");
        md.append("\nRetries by cause: ").append(new java.util.TreeMap<>(retries)).append("\n");
        md.append("\nDirectory event records read: ").append(count(events)).append("; audit entries read: ")
                .append(count(audits)).append(".\n");
        section(md, "Lost events", lostEvents);
        section(md, "Duplicated events", duplicatedEvents);
        section(md, "Events published more than once with the same event id", redelivered);
        section(md, "Lost audit entries", lostAudits);
        section(md, "Duplicated audit entries", duplicatedAudits);
        section(md, "Refused writes", refused.stream().map(w -> w.channel() + " " + w.kind() + " at " + w.at())
                .toList());
        section(md, "Attempts with unknown outcome", unknownOutcomes);
        Files.createDirectories(resultsDirectory);
        Path file = resultsDirectory.resolve("faults-" + time + ".md");
        Files.writeString(file, md.toString());
        System.out.println(md);
        System.out.println("written to " + file);
        assertThat(accepted).as("accepted writes").isNotEmpty();
        assertThat(lostEvents).as("lost events").isEmpty();
        assertThat(duplicatedEvents).as("duplicated events").isEmpty();
        assertThat(lostAudits).as("lost audit entries").isEmpty();
        assertThat(duplicatedAudits).as("duplicated audit entries").isEmpty();
    }

    private static void section(StringBuilder md, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append(" (").append(lines.size()).append(")\n\n");
        lines.stream().limit(200).forEach(line -> md.append("- ").append(line).append('\n'));
    }

    // ---------------------------------------------------------------- plumbing

    private String firstUserId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ports.get("directory") + "/v1.0/users/bob@corp.example.test"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private KafkaConsumer<String, String> adminConsumer() {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.adminClientProperties(
                credentials.getProperty(BrokerSecurity.ADMIN)));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.get("kafka"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Runs {@code ./steward <args>} (up through the script, which detaches; the rest as the launcher jar); its output. */
    private String run(Duration timeout, String... args) throws Exception {
        List<String> command = "up".equals(args[0])
                ? new ArrayList<>(List.of(repositoryRoot.resolve("steward").toString()))
                : new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        repositoryRoot.resolve("launcher/target/launcher.jar").toString()));
        Collections.addAll(command, args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("STEWARD_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("./steward " + String.join(" ", args) + " failed:\n" + output);
        }
        if (!"token".equals(args[0])) {
            System.out.print(output);
        }
        return output;
    }

    private void dropDatabases() {
        for (String service : List.of("directory", "selfservice", "sync", "audit")) {
            try {
                new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                        "DROP DATABASE IF EXISTS " + prefix + service).inheritIO().start().waitFor();
            } catch (IOException e) {
                System.out.println("cannot drop " + prefix + service + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static Instant awaitUntil(Duration timeout, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (check.ok()) {
                    return Instant.now();
                }
            } catch (IOException | RuntimeException e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not back within " + timeout);
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void pace(double perSecond) {
        sleep((long) (1000 / perSecond));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
