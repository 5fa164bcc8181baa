package dev.steward.audit.rebuild;

import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.ProjectedBatch;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.platform.web.GraphException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the audit projection from the topics: a consumer of its own (partitions assigned, not the service's
 * consumer group, nothing committed) seeks every partition of the event topics and the directory's command results
 * to the beginning and projects each record into fresh tables ({@link RebuildTables}) with the live projection's own
 * mapping and batched writer, in record timestamp order across partitions ({@link TimeOrderedReplay}), until it reaches the end offsets
 * captured at its start. Then it stops the live listeners (their offsets
 * are committed on stop), reads what came in meanwhile up to the end offsets of that moment, makes its tables the
 * live ones and starts the live listeners again, which go on from their committed offsets (a record both have read
 * finds its entries and adds nothing). A record the live projection dead-letters (unreadable, no audit activity) is
 * passed over. One rebuild at a time; on PostgreSQL only.
 */
@Service
public class ProjectionRebuilder {

    static final List<String> LISTENERS = List.of("audit-projection", "audit-command-results");
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final AuditProjector liveProjector;
    private final RebuildTables tables;
    private final ConsumerFactory<?, ?> consumerFactory;
    private final KafkaListenerEndpointRegistry listeners;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String lockTimeout;
    private final AtomicReference<Rebuild> running = new AtomicReference<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    public ProjectionRebuilder(AuditProjector liveProjector, RebuildTables tables, ConsumerFactory<?, ?> consumerFactory,
                               KafkaListenerEndpointRegistry listeners, TransactionTemplate transactions, Clock clock,
                               @Value("${steward.audit.rebuild.lock-timeout:10s}") String lockTimeout) {
        this.liveProjector = liveProjector;
        this.tables = tables;
        this.consumerFactory = consumerFactory;
        this.listeners = listeners;
        this.transactions = transactions;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
    }

    /** The topics a rebuild replays: every event topic and the directory's command results. */
    static List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topics.EVENT_TOPICS));
        topics.add(Topics.DIRECTORY_COMMAND_RESULTS);
        return topics;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws GraphException 409 while another one runs, 400 on a database other than PostgreSQL (the quickstart's H2)
     */
    public Rebuild start() {
        if (!tables.supported()) {
            throw GraphException.badRequest("Rebuilding the audit projection needs PostgreSQL; this service runs on "
                    + "another database.");
        }
        Rebuild rebuild = new Rebuild(UUID.randomUUID().toString(), clock.instant(), topics());
        if (!running.compareAndSet(null, rebuild)) {
            throw new GraphException(HttpStatus.CONFLICT, "Request_Conflict", "A rebuild of the audit projection is "
                    + "already running: " + running.get().id());
        }
        rebuilds.put(rebuild.id(), rebuild);
        Thread worker = new Thread(() -> run(rebuild), "audit-rebuild-" + rebuild.id());
        worker.setDaemon(true);
        worker.start();
        return rebuild;
    }

    /** True while a rebuild runs. */
    public boolean running() {
        return running.get() != null;
    }

    public Optional<Rebuild> find(String id) {
        return Optional.ofNullable(rebuilds.get(id));
    }

    private void run(Rebuild rebuild) {
        List<MessageListenerContainer> stopped = new ArrayList<>();
        try (Consumer<String, ContractMessage> consumer = consumer()) {
            tables.prepare();
            AuditProjector projector = liveProjector.into(RebuildTables.REBUILD, entries -> { });
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            TimeOrderedReplay replay = new TimeOrderedReplay(consumer, partitions);
            replay.readTo(end, batch -> project(batch, projector, rebuild),
                    () -> progress(consumer, rebuild, end));

            rebuild.switching();
            for (String id : LISTENERS) {
                MessageListenerContainer container = container(id);
                if (container.isRunning()) {
                    container.stop();
                    stopped.add(container);
                }
            }
            Map<TopicPartition, Long> endNow = consumer.endOffsets(partitions);
            replay.readTo(endNow, batch -> project(batch, projector, rebuild),
                    () -> progress(consumer, rebuild, endNow));
            tables.switchOver(lockTimeout);
            rebuild.succeeded(clock.instant());
            log.info("audit projection rebuilt ({}): {}", rebuild.id(), rebuild.json().get("topics"));
        } catch (RuntimeException e) {
            log.error("audit projection rebuild {} failed", rebuild.id(), e);
            rebuild.failed(clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            try {
                tables.discard();
            } catch (RuntimeException cleanup) {
                log.warn("could not drop the rebuild tables", cleanup);
            }
        } finally {
            stopped.forEach(MessageListenerContainer::start);
            running.set(null);
        }
    }

    /**
     * The batch through the live projection's batched writer, in one transaction, passing over records the live
     * projection dead-letters; if the transaction fails, the batch again one record per transaction, passing over
     * the records that fail. Progress counts only what was committed.
     */
    private void project(List<ConsumerRecord<String, ContractMessage>> batch, AuditProjector projector,
                         Rebuild rebuild) {
        List<ConsumerRecord<String, ContractMessage>> projectable = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, ContractMessage> record : batch) {
            if (projectable(record)) {
                projectable.add(record);
            } else {
                rebuild.topic(record.topic()).passedOver();
            }
        }
        List<ContractMessage> messages = projectable.stream().map(ConsumerRecord::value).toList();
        ProjectedBatch projected;
        try {
            projected = transactions.execute(status -> projector.projectPassingOver(messages));
        } catch (RuntimeException batchFailed) {
            List<ProjectedBatch.Outcome> outcomes = new ArrayList<>();
            for (ContractMessage message : messages) {
                try {
                    outcomes.add(transactions.execute(status -> projector.projectPassingOver(List.of(message)))
                            .outcomes().get(0));
                } catch (RuntimeException recordFailed) {
                    log.debug("rebuild passes over {}: {}", message.messageId(), recordFailed.getMessage());
                    outcomes.add(new ProjectedBatch.Outcome(List.of(), 0, recordFailed));
                }
            }
            projected = new ProjectedBatch(outcomes);
        }
        for (int i = 0; i < projectable.size(); i++) {
            Rebuild.TopicProgress topic = rebuild.topic(projectable.get(i).topic());
            ProjectedBatch.Outcome outcome = projected.outcomes().get(i);
            if (outcome.projected()) {
                topic.written(outcome.added());
            } else {
                topic.passedOver();
            }
        }
    }

    /** What the live listener reads: a readable value, command results only from their topic. */
    private static boolean projectable(ConsumerRecord<String, ContractMessage> record) {
        if (record.value() == null) {
            return false;
        }
        return record.topic().equals(Topics.DIRECTORY_COMMAND_RESULTS) == record.value() instanceof CommandResult;
    }

    private void progress(Consumer<String, ContractMessage> consumer, Rebuild rebuild, Map<TopicPartition, Long> end) {
        Map<String, long[]> perTopic = new HashMap<>();
        end.forEach((partition, endOffset) -> {
            long[] sums = perTopic.computeIfAbsent(partition.topic(), topic -> new long[2]);
            sums[0] += Math.min(consumer.position(partition), endOffset);
            sums[1] += endOffset;
        });
        perTopic.forEach((topic, sums) -> rebuild.topic(topic).offsets(sums[0], sums[1]));
    }

    private static List<TopicPartition> partitions(Consumer<String, ContractMessage> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics()) {
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        return partitions;
    }

    /** The service's consumer settings (deserializers, credentials) without its group: nothing is committed. */
    private Consumer<String, ContractMessage> consumer() {
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "steward-audit-rebuild");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config);
    }

    private MessageListenerContainer container(String id) {
        MessageListenerContainer container = listeners.getListenerContainer(id);
        if (container == null) {
            throw new IllegalStateException("no listener container " + id);
        }
        return container;
    }
}
