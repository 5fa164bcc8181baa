package dev.steward.sync.writeback;

import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The directory's events fed to write-back as the directory publishes them (as the topic's owner): each
 * {@link #publish} waits until write-back has consumed every event it sent. One per test class, connected before each
 * test (only the first connection counts) and closed after the class.
 */
final class WriteBackFeed implements AutoCloseable {

    private final Duration timeout;
    private KafkaTestClient owners;
    private WriteBackStore store;

    WriteBackFeed(Duration timeout) {
        this.timeout = timeout;
    }

    /** Write-back on, new groups in {@code cloudOu}, run only when a test runs it. */
    static void register(DynamicPropertyRegistry registry, String cloudOu) {
        registry.add("steward.sync.writeback.enabled", () -> "true");
        registry.add("steward.sync.writeback.target-ou", () -> cloudOu);
        registry.add("steward.sync.writeback.interval", () -> "0s");
        registry.add("steward.sync.writeback.after-sync-cycle", () -> "false");
    }

    synchronized void connect(TestKafka kafka, WriteBackStore store) {
        if (owners == null) {
            owners = kafka.owners();
            this.store = store;
        }
    }

    void publish(ContractMessage... messages) {
        publish(List.of(messages));
    }

    synchronized void publish(List<ContractMessage> messages) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (ContractMessage message : messages) {
            sent.add(owners.send(Topics.DIRECTORY_EVENTS, message));
        }
        for (RecordMetadata record : sent) {
            await("write-back consumed " + record).atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> store.position(Topics.DIRECTORY_EVENTS, record.partition()).orElse(0L)
                            > record.offset());
        }
    }

    /** What write-back announced about the group on {@code steward.sync.events} so far, in order. */
    synchronized List<ContractMessage> announced(String groupId) {
        return owners.readAll(Topics.SYNC_EVENTS).stream().filter(record -> groupId.equals(record.key()))
                .map(record -> record.value()).toList();
    }

    @Override
    public synchronized void close() {
        if (owners != null) {
            owners.close();
            owners = null;
        }
    }
}
