package dev.steward.platform.testing;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.kafka.ContractDeserializer;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.kafka.access.TopicAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the broker in tests as another service would: the contract serializer writes the JSON and the
 * CloudEvents headers, the aggregate id is the key, and each send waits for the broker. Raw bytes play a broken
 * producer (with the client's {@code ce_source}), and readers read a whole topic from its beginning (as the broker's
 * super user, so any topic). A client made by {@link TestKafka#owners()} publishes each topic as the principal that
 * owns it ({@link TopicAccess}: the producing service, or a command sender for command topics).
 */
public final class KafkaTestClient implements AutoCloseable {

    private final TestKafka kafka;
    private final KafkaPrincipal principal;
    private final String source;
    private final Map<KafkaPrincipal, KafkaProducer<String, ContractMessage>> contracts = new EnumMap<>(KafkaPrincipal.class);
    private final Map<KafkaPrincipal, KafkaProducer<String, byte[]>> raw = new EnumMap<>(KafkaPrincipal.class);

    /**
     * Use {@link TestKafka#client(KafkaPrincipal)} or {@link TestKafka#owners()}.
     *
     * @param principal who publishes (its credentials), or null for the owner of each topic
     * @param source    the {@code ce_source} of what this client publishes, or null for the principal's own
     */
    KafkaTestClient(TestKafka kafka, KafkaPrincipal principal, String source) {
        this.kafka = kafka;
        this.principal = principal;
        this.source = source;
    }

    /** Publishes the messages to {@code topic}, in order. */
    public void publish(String topic, ContractMessage... messages) {
        for (ContractMessage message : messages) {
            await(contracts(topic).send(new ProducerRecord<>(topic, message.key(), message)));
        }
    }

    /** Publishes one message to {@code topic} and answers where it went. */
    public RecordMetadata send(String topic, ContractMessage message) {
        return await(contracts(topic).send(new ProducerRecord<>(topic, message.key(), message)));
    }

    /** Sends a command with a bearer token in its authorization header; a null token sends none. */
    public void sendCommand(String topic, ContractCommand command, String token) {
        var record = new ProducerRecord<String, ContractMessage>(topic, command.key(), command);
        if (token != null) {
            record.headers().add(CloudEventHeaders.AUTHORIZATION, ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        await(contracts(topic).send(record));
    }

    /** A record with the given {@code ce_type} (none when null) and body (none when null), sent as it is. */
    public void sendRaw(String topic, String key, String type, String body) {
        sendRaw(topic, key, type, body, null);
    }

    /** The same with a bearer token in its authorization header (none when null). */
    public void sendRaw(String topic, String key, String type, String body, String token) {
        var record = new ProducerRecord<>(topic, key, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        if (token != null) {
            record.headers().add(CloudEventHeaders.AUTHORIZATION, ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(CloudEventHeaders.SOURCE, source(sender(topic)).getBytes(StandardCharsets.UTF_8));
        await(raw.computeIfAbsent(sender(topic), who -> new KafkaProducer<>(producerConfig(who), new StringSerializer(),
                new ByteArraySerializer())).send(record));
    }

    private KafkaProducer<String, ContractMessage> contracts(String topic) {
        return contracts.computeIfAbsent(sender(topic), who -> {
            Map<String, Object> config = producerConfig(who);
            var serializer = new ContractSerializer();
            serializer.configure(config, false);
            return new KafkaProducer<>(config, new StringSerializer(), serializer);
        });
    }

    private KafkaPrincipal sender(String topic) {
        if (principal != null) {
            return principal;
        }
        TopicAccess.Rule rule = TopicAccess.rule(topic)
                .orElseThrow(() -> new IllegalArgumentException(topic + " is not in the topic table"));
        return rule.writers().size() == 1 ? rule.writers().iterator().next() : KafkaPrincipal.COMMAND_SENDER;
    }

    private String source(KafkaPrincipal sender) {
        return source != null ? source : sender.source();
    }

    private Map<String, Object> producerConfig(KafkaPrincipal sender) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(sender));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ContractSerializer.SOURCE_CONFIG, source(sender));
        return config;
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
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put("enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
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

    private static <T> T await(Future<T> sent) {
        try {
            return sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    @Override
    public void close() {
        contracts.values().forEach(KafkaProducer::close);
        raw.values().forEach(KafkaProducer::close);
    }
}
