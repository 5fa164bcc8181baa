package dev.steward.audit.it;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.kafka.ContractSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes as the other services do: the contract serializer writes the JSON and the CloudEvents headers, the
 * aggregate id is the key, and each send waits for the broker. Also sends raw bytes, to play a broken producer.
 */
final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, ContractMessage> contracts;
    private final KafkaProducer<String, byte[]> raw;

    EventProducer(String bootstrapServers, String source) {
        contracts = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ContractSerializer.SOURCE_CONFIG, source), new StringSerializer(), new ContractSerializer());
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    void publish(String topic, ContractMessage message) {
        await(contracts.send(new ProducerRecord<>(topic, message.key(), message)));
    }

    /** A record with the given {@code ce_type} (none when null) and body, as a broken producer might send it. */
    void publishRaw(String topic, String key, String type, String body) {
        var record = new ProducerRecord<>(topic, key, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        await(raw.send(record));
    }

    private static void await(Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    @Override
    public void close() {
        contracts.close();
        raw.close();
    }
}
