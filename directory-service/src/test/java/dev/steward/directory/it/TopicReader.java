package dev.steward.directory.it;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.kafka.ContractDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning and keeps every record seen, for tests that look for their own records. */
final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new CopyOnWriteArrayList<>();

    private TopicReader(Map<String, Object> clientConfig, String topic, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
    }

    /** @param clientConfig bootstrap servers and credentials, e.g. {@code TestKafka.adminConfig()} */
    static TopicReader<ContractMessage> contracts(Map<String, Object> clientConfig, String topic) {
        return new TopicReader<>(clientConfig, topic, new ContractDeserializer());
    }

    static TopicReader<byte[]> raw(Map<String, Object> clientConfig, String topic) {
        return new TopicReader<>(clientConfig, topic, new ByteArrayDeserializer());
    }

    /** Polls once and answers every record seen so far that matches. */
    synchronized List<ConsumerRecord<String, V>> poll(Predicate<ConsumerRecord<String, V>> matching) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    /** Polls once and answers the values seen so far of the given type that match. */
    <T> List<T> values(Class<T> type, Predicate<T> matching) {
        return poll(record -> type.isInstance(record.value()) && matching.test(type.cast(record.value()))).stream()
                .map(record -> type.cast(record.value())).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
