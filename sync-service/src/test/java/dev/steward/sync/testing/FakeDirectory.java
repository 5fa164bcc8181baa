package dev.steward.sync.testing;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.kafka.ContractSerializer;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import dev.steward.platform.testing.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every command on {@code steward.directory.commands} as the directory service does: one
 * {@link CommandResult} on {@code steward.directory.command-results}, keyed by the command's aggregate. Everything
 * succeeds, except the next command of a type for an object that a test asked to be rejected ({@link #rejectNext}).
 */
public final class FakeDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeDirectory.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, ContractMessage> results;
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Reads the command topic as an administrator and answers as the directory service. The answers to one poll's
     * commands are sent together and flushed once, as a directory would: one send waiting for its own
     * acknowledgement (about 5 ms with Kafka's default linger) would make the fake the slowest part of a benchmark.
     */
    public FakeDirectory(TestKafka kafka) {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-fake-directory-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerConfig = new HashMap<>(kafka.clientConfig(KafkaPrincipal.DIRECTORY));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ContractSerializer.SOURCE_CONFIG, KafkaPrincipal.DIRECTORY.source());
        ContractSerializer serializer = new ContractSerializer();
        serializer.configure(producerConfig, false);
        this.results = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer);
        consumer.subscribe(List.of(Topics.DIRECTORY_COMMANDS));
        thread = new Thread(this::poll, "fake-directory");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next command of {@code type} whose key (group or user id) is {@code key} is rejected with {@code errorCode}. */
    public void rejectNext(Class<? extends ContractCommand> type, String key, String errorCode) {
        rejectNext(type, key, errorCode, "rejected by the fake directory");
    }

    /** As above, with the directory's {@code message} (e.g. "User does not have a corresponding license."). */
    public void rejectNext(Class<? extends ContractCommand> type, String key, String errorCode, String message) {
        rejections.put(rule(MessageTypes.nameOf(type), key), errorCode + "\n" + message);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String type = TopicRecorder.header(record, CloudEventHeaders.TYPE);
                    if (type != null && ContractJson.read(type, record.value()) instanceof ContractCommand command) {
                        answer(type, command);
                    }
                }
                results.flush();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the fake directory stopped answering", e);
        } finally {
            consumer.close();
            results.close(Duration.ofSeconds(5));
        }
    }

    private void answer(String type, ContractCommand command) {
        var ref = new CommandResult.ContractCommandRef(command.metadata().commandId(), type,
                command.metadata().correlationId(), command.key());
        String rejection = rejections.remove(rule(type, command.key()));
        CommandResult result = rejection == null ? CommandResult.succeeded(ref, Instant.now())
                : CommandResult.rejected(ref, rejection.substring(0, rejection.indexOf('\n')),
                rejection.substring(rejection.indexOf('\n') + 1), Instant.now());
        results.send(new ProducerRecord<>(Topics.DIRECTORY_COMMAND_RESULTS, result.key(), result), (sent, failure) -> {
            if (failure != null) {
                log.error("the fake directory could not publish the result of {}", command.metadata().commandId(),
                        failure);
            }
        });
    }

    private static String rule(String type, String key) {
        return type + " " + key;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
