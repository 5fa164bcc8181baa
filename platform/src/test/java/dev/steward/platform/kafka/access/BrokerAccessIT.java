package dev.steward.platform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.platform.testing.KafkaTestClient;
import dev.steward.platform.testing.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker of the tests and the local stack refuses whoever the {@link TopicAccess} table does not allow. */
class BrokerAccessIT {

    private static TestKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = TestKafka.start(1);
        List<NewTopic> topics = new ArrayList<>();
        for (TopicAccess.Rule rule : TopicAccess.TABLE) {
            topics.add(new NewTopic(rule.topic(), 1, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(rule.topic()), 1, (short) 1));
        }
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void refusesProducerWithoutCredentials() {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "k", "{}"))
                    .get(10, TimeUnit.SECONDS)).hasMessageContaining("not present in metadata");
        }
        assertThat(readAll(Topics.DIRECTORY_EVENTS)).isEmpty();
    }

    @Test
    void refusesConsumerWithoutCredentials() {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            assertThatThrownBy(() -> consumer.partitionsFor(Topics.DIRECTORY_COMMANDS))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void refusesForgedDirectoryEventSentWithAnotherServicesCredentials() {
        String groupId = UUID.randomUUID().toString();
        var forged = new GroupDeleted(new EventMetadata(UUID.randomUUID(), Instant.now(), groupId, "forged",
                Initiator.app("x", "x"), 1), groupId, "Engineering", null);
        for (KafkaPrincipal other : List.of(KafkaPrincipal.SYNC, KafkaPrincipal.SELFSERVICE, KafkaPrincipal.AUDIT,
                KafkaPrincipal.COMMAND_SENDER)) {
            try (KafkaTestClient client = kafka.client(other, KafkaPrincipal.DIRECTORY.source())) {
                assertThatThrownBy(() -> client.publish(Topics.DIRECTORY_EVENTS, forged))
                        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        assertThat(readAll(Topics.DIRECTORY_EVENTS)).isEmpty();
    }

    @Test
    void refusesReadingTheCommandTopicWithAnotherServicesCredentials() {
        for (KafkaPrincipal other : List.of(KafkaPrincipal.SYNC, KafkaPrincipal.SELFSERVICE, KafkaPrincipal.AUDIT,
                KafkaPrincipal.COMMAND_SENDER)) {
            try (var consumer = consumer(other, null)) {
                consumer.assign(List.of(new TopicPartition(Topics.DIRECTORY_COMMANDS, 0)));
                consumer.seekToBeginning(consumer.assignment());
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
                        .as(other.userName()).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void refusesAnotherServicesConsumerGroup() {
        try (var consumer = consumer(KafkaPrincipal.SYNC, KafkaPrincipal.AUDIT.consumerGroup())) {
            consumer.subscribe(List.of(Topics.DIRECTORY_EVENTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void letsTheOwnerWriteItsTopicAndItsConsumerReadItThroughItsGroup() {
        String groupId = UUID.randomUUID().toString();
        var event = new GroupDeleted(new EventMetadata(UUID.randomUUID(), Instant.now(), groupId, "genuine",
                Initiator.app("x", "x"), 1), groupId, "Sales", null);
        try (KafkaTestClient directory = kafka.client(KafkaPrincipal.DIRECTORY)) {
            directory.publish(Topics.DIRECTORY_EVENTS, event);
        }
        try (var consumer = consumer(KafkaPrincipal.AUDIT, KafkaPrincipal.AUDIT.consumerGroup())) {
            consumer.subscribe(List.of(Topics.DIRECTORY_EVENTS));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!keys.contains(groupId) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            assertThat(keys).contains(groupId);
        }
    }

    @Test
    void letsTheConsumingServiceWriteTheDeadLetterTopicAndNoOneElse() {
        try (var audit = producer(KafkaPrincipal.AUDIT); var directory = producer(KafkaPrincipal.DIRECTORY)) {
            String deadLetters = Topics.deadLetter(Topics.SYNC_EVENTS);
            assertThat(send(audit, deadLetters)).isNull();
            assertThat(send(directory, deadLetters)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Throwable send(KafkaProducer<String, String> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaPrincipal principal) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(principal));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaPrincipal principal, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(principal));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<?> readAll(String topic) {
        try (KafkaTestClient reader = kafka.client(KafkaPrincipal.DIRECTORY)) {
            return reader.readAllRaw(topic);
        }
    }
}
