package dev.steward.selfservice.support;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.contracts.kafka.ContractDeserializer;
import dev.steward.contracts.kafka.ContractSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the broker as other services would: the contract serializer for events and commands, raw bytes for
 * malformed records, and readers that read a whole topic from its beginning.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, ContractMessage> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                ContractSerializer.SOURCE_CONFIG, "/steward/directory-service"),
                new StringSerializer(), new ContractSerializer());
        this.rawProducer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes directory events as the directory service does, in order. */
    public void publishDirectoryEvents(IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            await(producer.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, event.key(), event)));
        }
    }

    /** Sends a command with a bearer token in its authorization header; null sends none. */
    public void sendCommand(ContractCommand command, String token) {
        var record = new ProducerRecord<String, ContractMessage>(Topics.SELFSERVICE_COMMANDS, command.key(), command);
        if (token != null) {
            record.headers().add(CloudEventHeaders.AUTHORIZATION, ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        await(producer.send(record));
    }

    /** Sends bytes as they are, with the given {@code ce_type}. */
    public void sendRaw(String topic, String key, String type, String body) {
        var record = new ProducerRecord<String, byte[]>(topic, key, body.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        await(rawProducer.send(record));
    }

    /** Every contract message on {@code topic} so far, read from the beginning. */
    public List<ConsumerRecord<String, ContractMessage>> readAll(String topic) {
        return readAll(topic, new ContractDeserializer());
    }

    /** Every record on {@code topic} so far, as bytes (for dead-letter topics). */
    public List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        return readAll(topic, new ByteArrayDeserializer());
    }

    private <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> deserializer) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", false), new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static void await(java.util.concurrent.Future<?> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
