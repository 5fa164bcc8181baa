package dev.steward.audit.bench;

import static org.awaitility.Awaitility.await;

import dev.steward.audit.AuditApplication;
import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.InitiatedBy;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.audit.directoryaudit.projection.AuditEntriesRecorded;
import dev.steward.audit.directoryaudit.projection.AuditEntryMapper;
import dev.steward.audit.directoryaudit.projection.AuditedGroup;
import dev.steward.audit.directoryaudit.projection.GroupLookup;
import dev.steward.audit.directoryaudit.projection.ProjectionMetrics;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.AuthenticatedKafka;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.platform.testing.TestKafka;
import dev.steward.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
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
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit figures of issue 9 ("Performance"), against PostgreSQL and a real (in-JVM KRaft) broker, each next to
 * the raw broker and raw PostgreSQL rates of the same run. Not part of {@code ./mvnw verify}: run it with
 * {@code bench/audit.sh} (profile {@code bench}); results go to {@code bench/results/audit-<time>.md} and
 * {@code audit-latest.md}. Sizes: {@code -Dbench.events} (events projected), {@code -Dbench.entries} (entries stored
 * for the queries), {@code -Dbench.rate} and {@code -Dbench.lagSeconds} (the sustained load), {@code -Dbench.queryRuns}
 * (runs per {@code $filter} form).
 */
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@AuthenticatedKafka(principal = KafkaPrincipal.AUDIT, partitions = 3)
@Import(AuditBenchmark.LagProbe.class)
class AuditBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    private static final int RATE = Integer.getInteger("bench.rate", 2_000);
    private static final int LAG_SECONDS = Integer.getInteger("bench.lagSeconds", 30);
    private static final int QUERY_RUNS = Integer.getInteger("bench.queryRuns", 20);
    private static final int PAGES = 10;
    private static final int RAW_INSERT_EVENTS = Math.min(EVENTS, 100_000);
    private static final int EVENTS_PER_TRANSACTION = 500;
    private static final List<String> LISTENERS = List.of("audit-projection", "audit-command-results");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_audit");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestKafka kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    AuditEntryMapper mapper;
    @Autowired
    LagProbe lagProbe;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> report = new ArrayList<>();

    /** Commit-time lag of every entry the live projection adds whose correlation id starts with "lag-". */
    static class LagProbe {
        final List<Long> lagMillis = Collections.synchronizedList(new ArrayList<>());

        @TransactionalEventListener
        void on(AuditEntriesRecorded recorded) {
            long now = System.currentTimeMillis();
            for (DirectoryAudit entry : recorded.entries()) {
                if (entry.correlationId().startsWith("lag-")) {
                    lagMillis.add(now - entry.activityDateTime().toEpochMilli());
                }
            }
        }
    }

    @Test
    void measuresProjectionQueriesAndLag() throws Exception {
        report.add("# Audit benchmark " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.add("");
        report.add("Command: `" + System.getProperty("bench.command", "bench/audit.sh") + "`");
        report.add("");
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared with other builds). "
                + "Load at start: `" + uptime() + "`. Events " + String.format("%,d", EVENTS) + ", entries for the "
                + "queries " + String.format("%,d", ENTRIES) + ", sustained " + String.format("%,d", RATE) + "/s for "
                + LAG_SECONDS + " s, " + QUERY_RUNS + " runs per query.");
        report.add("");
        try {
            projection();
            lag();
            queries();
        } finally {
            report.add("Load at end: `" + uptime() + "`.");
            write();
        }
    }

    /** N events produced with the listeners stopped, then projected; next to the raw consume and insert rates. */
    private void projection() throws Exception {
        LISTENERS.forEach(id -> listeners.getListenerContainer(id).stop());
        List<IntegrationEvent> events = new ArrayList<>(EVENTS);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int n = 0; n < EVENTS; n++) {
            events.add(BenchEvents.event(n, at.plusMillis(n), "projection-", false));
        }
        long expectedEntries = 0;
        for (IntegrationEvent event : events) {
            expectedEntries += mapper.toEntries(event, GroupLookup.NONE).size();
        }

        long produceStart = System.nanoTime();
        produce(events);
        double produceSeconds = seconds(produceStart);

        long rawStart = System.nanoTime();
        int raw = consumeRaw();
        double rawSeconds = seconds(rawStart);

        RawInsert rawInsert = rawInsert(events.subList(0, RAW_INSERT_EVENTS));

        double entriesBefore = projectedEntries();
        long start = System.nanoTime();
        LISTENERS.forEach(id -> listeners.getListenerContainer(id).start());
        long expected = expectedEntries;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> projectedEntries() - entriesBefore >= expected);
        double projectionSeconds = seconds(start);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit WHERE correlation_id LIKE "
                + "'projection-%'", Long.class);

        report.add("## Projection of " + String.format("%,d", EVENTS) + " events");
        report.add("");
        report.add("| what | events | entries | seconds | events/s | entries/s | ratio to raw |");
        report.add("|---|---|---|---|---|---|---|");
        report.add(String.format("| produced to `steward.directory.events` (async, acks=all) | %,d | | %.2f | %,.0f | | |",
                EVENTS, produceSeconds, EVENTS / produceSeconds));
        report.add(String.format("| **raw broker consume** of the topic (bytes, one consumer, 3 partitions) | %,d | | "
                + "%.2f | %,.0f | | 1 |", raw, rawSeconds, raw / rawSeconds));
        report.add(String.format("| **raw PostgreSQL batched insert** of the first %,d events' entries and target rows "
                + "(copies of the tables with their indexes, %d events per transaction, no Kafka, no mapping) | %,d | "
                + "%,d | %.2f | %,.0f | %,.0f | 1 |", RAW_INSERT_EVENTS, EVENTS_PER_TRANSACTION, RAW_INSERT_EVENTS,
                rawInsert.entries, rawInsert.seconds, RAW_INSERT_EVENTS / rawInsert.seconds,
                rawInsert.entries / rawInsert.seconds));
        report.add(String.format("| **projected** (listeners started after the produce; until the entries counter has "
                + "them all) | %,d | %,d | %.2f | **%,.0f** | %,.0f | %.2f of the raw consume, %.2f of the raw insert |",
                EVENTS, expectedEntries, projectionSeconds, EVENTS / projectionSeconds,
                expectedEntries / projectionSeconds, (EVENTS / projectionSeconds) / (raw / rawSeconds),
                (expectedEntries / projectionSeconds) / (rawInsert.entries / rawInsert.seconds)));
        report.add("");
        report.add(String.format("Entries stored afterwards: %,d (expected %,d). Events: %s. Target (issue 9): at "
                + "least 5,000 events/s projected.", stored, expectedEntries, "in tens: group created, group renamed, "
                + "3x two members added, a member removed, an owner added, an SOA switch or rollback, a user synced, "
                + "a member added by the sync engine (13 entries per 10 events)"));
        report.add("");
    }

    private record RawInsert(long entries, double seconds) {
    }

    /** The entries of {@code events} inserted straight into copies of the live tables, as the store writes them. */
    private RawInsert rawInsert(List<IntegrationEvent> events) {
        jdbc.execute("CREATE TABLE bench_raw_audit (LIKE directory_audit INCLUDING ALL)");
        jdbc.execute("CREATE TABLE bench_raw_target (LIKE directory_audit_target INCLUDING ALL)");
        List<List<DirectoryAudit>> chunks = new ArrayList<>();
        long entries = 0;
        for (int from = 0; from < events.size(); from += EVENTS_PER_TRANSACTION) {
            List<DirectoryAudit> chunk = new ArrayList<>();
            for (IntegrationEvent event : events.subList(from, Math.min(events.size(), from + EVENTS_PER_TRANSACTION))) {
                chunk.addAll(mapper.toEntries(event, BENCH_GROUPS));
            }
            entries += chunk.size();
            chunks.add(chunk);
        }
        long start = System.nanoTime();
        for (List<DirectoryAudit> chunk : chunks) {
            transactions.executeWithoutResult(status -> insert(chunk));
        }
        double seconds = seconds(start);
        jdbc.execute("DROP TABLE bench_raw_target");
        jdbc.execute("DROP TABLE bench_raw_audit");
        return new RawInsert(entries, seconds);
    }

    private void insert(List<DirectoryAudit> entries) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        List<Object[]> targets = new ArrayList<>();
        java.time.OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        for (DirectoryAudit entry : entries) {
            InitiatedBy by = entry.initiatedBy();
            rows.add(new Object[] {entry.id(), entry.activityDateTime().atOffset(ZoneOffset.UTC),
                    entry.activityDisplayName(), entry.category(), entry.correlationId(), entry.result(),
                    entry.loggedByService(), entry.operationType(), by.user() == null ? null : by.user().id(),
                    by.user() == null ? null : by.user().userPrincipalName(),
                    by.app() == null ? null : by.app().appId(), now, AuditJson.write(entry)});
            int index = 0;
            for (TargetResource target : entry.targetResources()) {
                targets.add(new Object[] {entry.id(), index++, target.id(), target.displayName(),
                        entry.activityDateTime().atOffset(ZoneOffset.UTC)});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO bench_raw_audit (id, activity_date_time, activity_display_name, category,
                    correlation_id, audit_result, logged_by_service, operation_type, initiated_by_user_id,
                    initiated_by_user_upn, initiated_by_app_id, recorded_at, entry_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
        jdbc.batchUpdate("INSERT INTO bench_raw_target (audit_id, target_index, target_id, display_name, "
                + "activity_date_time) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", targets);
    }

    /** Groups named as the projection names them once it has seen their GroupCreated. */
    private static final GroupLookup BENCH_GROUPS = groupId -> Optional.of(new AuditedGroup(groupId,
            "Bench group", "azureAD"));

    /**
     * Events produced at a fixed rate, each {@code occurredAt} the moment it is made: the time to the commit of its
     * entries (a transactional event listener in this JVM), next to the raw broker's produce-to-consume time of
     * the same records (a plain consumer reading them meanwhile).
     */
    private void lag() throws Exception {
        lagProbe.lagMillis.clear();
        List<Long> rawLag = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread rawReader = new Thread(() -> readRawLag(reading, rawLag), "bench-raw-lag");
        int total = RATE * LAG_SECONDS;
        Map<String, Object> config = producerConfig();
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(config, false);
        long expectedEntries = 0;
        double produceSeconds;
        try (var producer = new KafkaProducer<String, ContractMessage>(config, new StringSerializer(), serializer)) {
            rawReader.start();
            Thread.sleep(2_000);
            long start = System.nanoTime();
            int sent = 0;
            while (sent < total) {
                long due = Math.min(total, (long) (seconds(start) * RATE) + 1);
                while (sent < due) {
                    IntegrationEvent event = BenchEvents.event(EVENTS + sent, Instant.now(), "lag-", false);
                    expectedEntries += mapper.toEntries(event, GroupLookup.NONE).size();
                    producer.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, event.key(), event));
                    sent++;
                }
                Thread.sleep(2);
            }
            produceSeconds = seconds(start);
            producer.flush();
        }
        long expected = expectedEntries;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> lagProbe.lagMillis.size() >= expected);
        await().atMost(Duration.ofMinutes(1)).until(() -> rawLag.size() >= total);
        reading.set(false);
        rawReader.join(10_000);

        report.add("## Projection lag at a sustained rate");
        report.add("");
        report.add("| what | records | p50 ms | p99 ms | max ms |");
        report.add("|---|---|---|---|---|");
        report.add(latencyRow("**raw broker**: produce -> a plain consumer has the record (record timestamp to poll)",
                rawLag));
        report.add(latencyRow("**projection lag**: `occurredAt` (set when the event is made, just before the send) -> "
                + "its entry committed (per entry)", lagProbe.lagMillis));
        report.add("");
        report.add(String.format("%,d events produced at %,.0f/s (asked %,d/s for %d s), %,d entries. Target (issue 9): "
                + "projection lag under 1 s at 2,000 events/s.", total, total / produceSeconds, RATE, LAG_SECONDS,
                expected));
        report.add("");
    }

    private void readRawLag(AtomicBoolean reading, List<Long> lagMillis) {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    lagMillis.add(System.currentTimeMillis() - record.timestamp());
                }
            }
        }
    }

    /**
     * Fills the log to {@code bench.entries} entries by COPY, then times each {@code $filter} form of the README with
     * {@code $top=100} over HTTP, and following {@code @odata.nextLink} ten pages deep.
     */
    private void queries() throws Exception {
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit", Long.class);
        long loadStart = System.nanoTime();
        long loaded = load(Math.max(0, ENTRIES - stored));
        double loadSeconds = seconds(loadStart);
        long analyzeStart = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE directory_audit");
        jdbc.execute("VACUUM ANALYZE directory_audit_target");
        double analyzeSeconds = seconds(analyzeStart);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit", Long.class);
        long targets = jdbc.queryForObject("SELECT COUNT(*) FROM directory_audit_target", Long.class);

        Instant newest = jdbc.queryForObject("SELECT MAX(activity_date_time) FROM directory_audit",
                java.time.OffsetDateTime.class).toInstant();
        String correlation = jdbc.queryForObject("SELECT correlation_id FROM directory_audit WHERE correlation_id "
                + "LIKE 'load-%' LIMIT 1", String.class);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("(no filter)", null);
        forms.put("activityDisplayName eq", "activityDisplayName eq 'Add member to group'");
        forms.put("startswith(activityDisplayName)", "startswith(activityDisplayName,'Undo')");
        forms.put("activityDateTime ge and le (one day)", "activityDateTime ge " + newest.minus(30, ChronoUnit.DAYS)
                + " and activityDateTime le " + newest.minus(29, ChronoUnit.DAYS));
        forms.put("activityDateTime lt", "activityDateTime lt " + newest.minus(100, ChronoUnit.DAYS));
        forms.put("category eq", "category eq 'UserManagement'");
        forms.put("correlationId eq", "correlationId eq '" + correlation + "'");
        forms.put("loggedByService eq", "loggedByService eq 'Core Directory'");
        forms.put("result eq (1 in 100)", "result eq 'failure'");
        forms.put("operationType eq", "operationType eq 'Unassign'");
        forms.put("initiatedBy/user/id eq", "initiatedBy/user/id eq '" + BenchEvents.admin(17).userId() + "'");
        forms.put("initiatedBy/app/appId eq", "initiatedBy/app/appId eq '" + BenchEvents.SYNC_ENGINE.appId() + "'");
        forms.put("initiatedBy/user/userPrincipalName eq",
                "initiatedBy/user/userPrincipalName eq 'admin17@corp.example.test'");
        forms.put("startswith(initiatedBy/user/userPrincipalName)",
                "startswith(initiatedBy/user/userPrincipalName,'admin17')");
        forms.put("targetResources/any(t: t/id eq)", "targetResources/any(t: t/id eq '" + BenchEvents.groupId(42) + "')");
        forms.put("targetResources/any(t: t/displayName eq)",
                "targetResources/any(t: t/displayName eq '" + BenchEvents.groupName(42) + "')");
        forms.put("targetResources/any(t: startswith(t/displayName))",
                "targetResources/any(t: startswith(t/displayName,'" + BenchEvents.groupName(42) + "'))");
        forms.put("activityDisplayName eq and activityDateTime ge", "activityDisplayName eq 'Add owner to group' and "
                + "activityDateTime ge " + newest.minus(60, ChronoUnit.DAYS));

        String token = TestTokens.groupsAdmin();
        query(token, null);
        report.add("## Queries at " + String.format("%,d", total) + " entries");
        report.add("");
        report.add(String.format("Loaded %,d entries (and their target rows, %,d target rows in all) by COPY in %.1f s "
                + "(%,.0f entries/s), then VACUUM ANALYZE (%.1f s; autovacuum is off on this machine, in production it keeps statistics and the visibility map that index-only scans use). Each form: %d runs, each the first page (`$top=100`) and "
                + "then `@odata.nextLink` followed up to %d pages deep, over HTTP with a bearer token; the first run is "
                + "a warm-up and not counted. Target (issue 9): p99 under 50 ms for each form and for the pages "
                + "followed.", loaded, targets, loadSeconds, loaded / loadSeconds, analyzeSeconds, QUERY_RUNS + 1,
                PAGES));
        report.add("");
        report.add("| `$filter` form | filter | first page p50 ms | **first page p99 ms** | pages followed | next page p50 ms | "
                + "**next page p99 ms** | max ms |");
        report.add("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            List<Long> first = new ArrayList<>();
            List<Long> next = new ArrayList<>();
            for (int run = 0; run <= QUERY_RUNS; run++) {
                List<Long> pages = pages(token, form.getValue());
                if (run > 0) {
                    first.add(pages.get(0));
                    next.addAll(pages.subList(1, pages.size()));
                }
            }
            List<Long> all = new ArrayList<>(first);
            all.addAll(next);
            report.add(String.format("| %s | `%s` | %.1f | **%.1f** | %d | %.1f | **%.1f** | %.1f |", form.getKey(),
                    form.getValue() == null ? "" : form.getValue().replace("|", "\\|"), percentile(first, 0.5),
                    percentile(first, 0.99), next.size() / QUERY_RUNS, percentile(next, 0.5), percentile(next, 0.99),
                    percentile(all, 1.0)));
        }
        report.add("");
    }

    /** The nanosecond times of the first page and of each next page followed, at most {@link #PAGES} of them. */
    private List<Long> pages(String token, String filter) throws Exception {
        List<Long> times = new ArrayList<>();
        String url = "http://127.0.0.1:" + port + "/v1.0/auditLogs/directoryAudits?$top=100"
                + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        for (int page = 0; page <= PAGES && url != null; page++) {
            long start = System.nanoTime();
            JsonNode body = query(token, url);
            times.add(System.nanoTime() - start);
            JsonNode next = body.get("@odata.nextLink");
            url = next == null ? null : next.asString();
        }
        return times;
    }

    private JsonNode query(String token, String url) throws Exception {
        String target = url == null ? "http://127.0.0.1:" + port + "/v1.0/auditLogs/directoryAudits?$top=1" : url;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + target + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * {@code count} entries of a year of activity (the benchmark's estate, one in a hundred a failed sync cycle),
     * written by COPY in chunks: the entries, then their target rows.
     */
    private long load(long count) throws Exception {
        Instant newest = Instant.now().minus(2, ChronoUnit.HOURS);
        long yearMillis = Duration.ofDays(365).toMillis();
        long written = 0;
        long n = 0;
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            while (written < count) {
                StringBuilder rows = new StringBuilder();
                StringBuilder targetRows = new StringBuilder();
                String recordedAt = Instant.now().toString();
                int chunk = 0;
                while (chunk < 20_000 && written < count) {
                    Instant at = newest.minusMillis((long) ((double) n / (count * 10 / 13 + 1) * yearMillis) % yearMillis);
                    IntegrationEvent event = BenchEvents.event(n++, at, "load-", true);
                    for (DirectoryAudit entry : mapper.toEntries(event, BENCH_GROUPS)) {
                        if (written >= count) {
                            break;
                        }
                        InitiatedBy by = entry.initiatedBy();
                        csv(rows, entry.id(), entry.activityDateTime().toString(), entry.activityDisplayName(),
                                entry.category(), entry.correlationId(), entry.result(), entry.loggedByService(),
                                entry.operationType(), by.user() == null ? null : by.user().id(),
                                by.user() == null ? null : by.user().userPrincipalName(),
                                by.app() == null ? null : by.app().appId(), recordedAt, AuditJson.write(entry));
                        int index = 0;
                        for (TargetResource target : entry.targetResources()) {
                            csv(targetRows, entry.id(), Integer.toString(index++), target.id(), target.displayName(),
                                    entry.activityDateTime().toString());
                        }
                        written++;
                        chunk++;
                    }
                }
                copy.copyIn("COPY directory_audit (id, activity_date_time, activity_display_name, category, "
                        + "correlation_id, audit_result, logged_by_service, operation_type, initiated_by_user_id, "
                        + "initiated_by_user_upn, initiated_by_app_id, recorded_at, entry_json) FROM STDIN (FORMAT csv)",
                        new StringReader(rows.toString()));
                copy.copyIn("COPY directory_audit_target (audit_id, target_index, target_id, display_name, "
                        + "activity_date_time) FROM STDIN (FORMAT csv)", new StringReader(targetRows.toString()));
            }
        }
        return written;
    }

    private static void csv(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (fields[i] != null) {
                out.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(KafkaPrincipal.DIRECTORY));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ContractSerializer.SOURCE_CONFIG, KafkaPrincipal.DIRECTORY.source());
        return config;
    }

    private void produce(List<IntegrationEvent> events) throws Exception {
        Map<String, Object> config = producerConfig();
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
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
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

    private double projectedEntries() {
        var counter = meters.find(ProjectionMetrics.ENTRIES).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String uptime() {
        try {
            Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(5, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "uptime unavailable: " + e.getMessage();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String latencyRow(String what, List<Long> millis) {
        List<Long> nanos = new ArrayList<>();
        synchronized (millis) {
            millis.forEach(ms -> nanos.add(ms * 1_000_000));
        }
        return String.format("| %s | %,d | %.0f | **%.0f** | %.0f |", what, nanos.size(), percentile(nanos, 0.5),
                percentile(nanos, 0.99), percentile(nanos, 1.0));
    }

    /** The {@code p} percentile of nanosecond times, in milliseconds (nearest rank). */
    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1))) / 1e6;
    }

    private void write() throws IOException {
        Path results = Path.of(System.getProperty("bench.results", "target/bench-results"));
        Files.createDirectories(results);
        String text = String.join("\n", report) + "\n";
        String stamp = Instant.now().toString().replace(":", "-").substring(0, 19);
        Files.writeString(results.resolve("audit-" + stamp + ".md"), text);
        Files.writeString(results.resolve("audit-latest.md"), text);
        System.out.println(text);
    }
}
