package dev.steward.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.launcher.stack.Ports;
import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String COMMAND_SENDER_PASSWORD = BrokerSecurity.newPassword();

    private static final Path TARGET = Path.of(System.getProperty("steward.kafka-libs", "target/kafka-libs"))
            .toAbsolutePath().getParent();

    @TempDir
    Path state;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void runsABrokerProcessOnFreePortsThatCarriesRecordsAndStops() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Settings(
                List.of(TARGET.resolve("kafka-libs"), TARGET.resolve("lib")), state.resolve("kafka"),
                state.resolve("kafka.log"), "127.0.0.1", "127.0.0.1", port, controllerPort, "warn",
                "-Dsteward.stack.home=" + state, BrokerSecurity.newPassword(),
                Map.of(KafkaPrincipal.COMMAND_SENDER.userName(), COMMAND_SENDER_PASSWORD)));
        long pid = broker.pid();
        try {
            broker.awaitReady(Duration.ofSeconds(90));

            assertThat(Files.exists(state.resolve("kafka/data/meta.properties"))).as("storage formatted").isTrue();
            assertThat(ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()))
                    .hasValueSatisfying(line -> assertThat(line).contains("kafka.Kafka"));
            roundTrip(broker);
        } finally {
            broker.close();
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> Ports.isFree("127.0.0.1", port));
    }

    /** The broker authenticates every client and lets each principal do only what the topic table grants. */
    private static void roundTrip(KafkaBroker broker) throws Exception {
        Map<KafkaPrincipal, String> passwords = new EnumMap<>(KafkaPrincipal.class);
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            passwords.put(principal, BrokerSecurity.newPassword());
        }
        passwords.put(KafkaPrincipal.COMMAND_SENDER, COMMAND_SENDER_PASSWORD);
        broker.provision(passwords);
        try (Admin client = Admin.create(broker.adminClientConfig())) {
            client.createTopics(List.of(new NewTopic(Topics.DIRECTORY_EVENTS, 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (var directory = producer(broker.clientConfig(KafkaPrincipal.DIRECTORY,
                passwords.get(KafkaPrincipal.DIRECTORY)))) {
            directory.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "group-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        try (var sync = producer(broker.clientConfig(KafkaPrincipal.SYNC, passwords.get(KafkaPrincipal.SYNC)))) {
            assertThatThrownBy(() -> sync.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "group-1", "forged"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> plainSender = new HashMap<>(BrokerSecurity.plainClientProperties(
                KafkaPrincipal.COMMAND_SENDER.userName(), COMMAND_SENDER_PASSWORD));
        plainSender.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var sender = producer(plainSender)) {
            assertThatThrownBy(() -> sender.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "group-1", "forged"))
                    .get(30, TimeUnit.SECONDS)).as("the kcat user over PLAIN has the command sender's rights only")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (var anonymous = producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "group-1", "forged"))
                    .get(30, TimeUnit.SECONDS)).hasMessageContaining("not present in metadata");
        }
        Map<String, Object> consumerConfig = new HashMap<>(broker.clientConfig(KafkaPrincipal.AUDIT,
                passwords.get(KafkaPrincipal.AUDIT)));
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaPrincipal.AUDIT.consumerGroup());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DIRECTORY_EVENTS));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("group-1");
                assertThat(record.value()).isEqualTo("hello");
            });
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
