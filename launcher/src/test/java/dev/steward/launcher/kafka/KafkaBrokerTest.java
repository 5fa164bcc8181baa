package dev.steward.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.launcher.stack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

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
                "-Dsteward.stack.home=" + state));
        long pid = broker.pid();
        try {
            broker.awaitReady(Duration.ofSeconds(90));

            assertThat(Files.exists(state.resolve("kafka/data/meta.properties"))).as("storage formatted").isTrue();
            assertThat(ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()))
                    .hasValueSatisfying(line -> assertThat(line).contains("kafka.Kafka"));
            roundTrip(broker.bootstrapServers());
        } finally {
            broker.close();
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> Ports.isFree("127.0.0.1", port));
    }

    private static void roundTrip(String bootstrapServers) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic("launcher.round-trip", 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("launcher.round-trip", "group-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("launcher.round-trip"));
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
}
