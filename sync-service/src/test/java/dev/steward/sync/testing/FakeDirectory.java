package dev.steward.sync.testing;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.steward.platform.testing.KafkaTestClient;

/**
 * Answers every command on {@code steward.directory.commands} as the directory service does: one
 * {@link CommandResult} on {@code steward.directory.command-results}, keyed by the command's aggregate. Everything
 * succeeds, except the next command of a type for an object that a test asked to be rejected ({@link #rejectNext}).
 */
public final class FakeDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeDirectory.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaTestClient results;
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param readerConfig bootstrap servers and credentials of a reader of the command topic
     * @param results      publishes the results as the directory service
     */
    public FakeDirectory(Map<String, Object> readerConfig, KafkaTestClient results) {
        this.results = results;
        Map<String, Object> config = new HashMap<>(readerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-fake-directory-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DIRECTORY_COMMANDS));
        thread = new Thread(this::poll, "fake-directory");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next command of {@code type} whose key (group or user id) is {@code key} is rejected with {@code errorCode}. */
    public void rejectNext(Class<? extends ContractCommand> type, String key, String errorCode) {
        rejections.put(rule(MessageTypes.nameOf(type), key), errorCode);
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
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the fake directory stopped answering", e);
        } finally {
            consumer.close();
        }
    }

    private void answer(String type, ContractCommand command) {
        var ref = new CommandResult.ContractCommandRef(command.metadata().commandId(), type,
                command.metadata().correlationId(), command.key());
        String errorCode = rejections.remove(rule(type, command.key()));
        CommandResult result = errorCode == null ? CommandResult.succeeded(ref, Instant.now())
                : CommandResult.rejected(ref, errorCode, "rejected by the fake directory", Instant.now());
        results.publish(Topics.DIRECTORY_COMMAND_RESULTS, result);
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
