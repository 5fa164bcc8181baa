package dev.steward.sync.testing;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Records every record of some topics from the beginning, in a background thread, for assertions. */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final Collection<String> topics;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param clientConfig bootstrap servers and credentials of a principal that may read the topics */
    public TopicRecorder(Map<String, Object> clientConfig, Collection<String> topics) {
        this.topics = List.copyOf(topics);
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(clientConfig);
        consumer.subscribe(this.topics);
        thread = new Thread(this::poll, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(record);
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Waits until everything on the topics at the time of the call has been recorded. */
    public void catchUp() {
        Map<TopicPartition, Long> ends;
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await("recorder catching up").atMost(Duration.ofSeconds(20)).until(() -> ends.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), 0L) >= e.getValue()));
    }

    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The contract messages of a topic, read by their ce_type header. */
    public List<Recorded> messages(String topic) {
        List<Recorded> messages = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            String type = header(record, CloudEventHeaders.TYPE);
            if (type != null) {
                messages.add(new Recorded(record, ContractJson.read(type, record.value())));
            }
        }
        return messages;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        admin.close();
    }

    /** A record and the message in it. */
    public record Recorded(ConsumerRecord<String, byte[]> record, ContractMessage message) {

        public String header(String name) {
            return TopicRecorder.header(record, name);
        }
    }
}
