package dev.steward.sync.writeback;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code steward.directory.events} for write-back. The service's one consumer group belongs to the Source of
 * Authority listener (another member in it would take partitions away from it), so write-back reads every partition
 * by assignment, as a group-less reader, and keeps its position per partition in {@code writeback_event_position},
 * in the same transaction as the event's effect: an event counts exactly once, also across restarts. A record that
 * cannot be read (no value) is logged and passed.
 */
public class DirectoryEventsFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryEventsFeed.class);
    private static final String TOPIC = Topics.DIRECTORY_EVENTS;
    /** A database that keeps refusing one event's effect (not a passing outage) does not stop the feed for good. */
    private static final int MAX_ATTEMPTS = 10;

    private final ConsumerFactory<?, ?> consumerFactory;
    private final WriteBackEvents events;
    private final WriteBackStore store;
    private final TransactionTemplate transaction;
    private volatile KafkaConsumer<String, ContractMessage> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public DirectoryEventsFeed(ConsumerFactory<?, ?> consumerFactory, WriteBackEvents events, WriteBackStore store,
                               TransactionTemplate transaction) {
        this.consumerFactory = consumerFactory;
        this.events = events;
        this.store = store;
        this.transaction = transaction;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "steward-sync-writeback");
        consumer = new KafkaConsumer<>(config);
        running = true;
        thread = new Thread(this::loop, "writeback-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            assign();
            while (running) {
                ConsumerRecords<String, ContractMessage> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, ContractMessage> record : records) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            if (running) {
                log.error("write-back stopped reading {}: {}", TOPIC, e.toString(), e);
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Every partition of the topic, each from the position write-back recorded (or the beginning). */
    private void assign() throws WakeupException {
        List<PartitionInfo> partitions;
        while (true) {
            partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
            if (partitions != null && !partitions.isEmpty()) {
                break;
            }
            log.info("waiting for topic {}", TOPIC);
            sleep();
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(assigned);
        for (TopicPartition partition : assigned) {
            store.position(TOPIC, partition.partition()).ifPresentOrElse(
                    offset -> consumer.seek(partition, offset),
                    () -> consumer.seekToBeginning(List.of(partition)));
        }
        log.info("write-back reads {} partitions of {}", assigned.size(), TOPIC);
    }

    private void handle(ConsumerRecord<String, ContractMessage> record) {
        for (int attempt = 1; running; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    if (record.value() != null) {
                        events.apply(record.value());
                    } else {
                        log.warn("write-back passes over unreadable record {}-{}@{}", record.topic(), record.partition(),
                                record.offset());
                    }
                    store.savePosition(TOPIC, record.partition(), record.offset() + 1);
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    log.error("write-back passes over {}-{}@{} after {} failed attempts", record.topic(),
                            record.partition(), record.offset(), attempt, e);
                    transaction.executeWithoutResult(status -> store.savePosition(TOPIC, record.partition(), record.offset() + 1));
                    return;
                }
                log.warn("write-back could not apply {}-{}@{}, trying again: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, ContractMessage> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
