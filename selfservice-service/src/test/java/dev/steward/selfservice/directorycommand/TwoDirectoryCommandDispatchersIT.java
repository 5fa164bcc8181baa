package dev.steward.selfservice.directorycommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.security.ServiceTokens;
import dev.steward.platform.testing.AtOnce;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.selfservice.config.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the service on one database: the queued directory commands are sent by the one holding the
 * {@code directory-commands} lease, each once, although both senders run at the same moment.
 */
class TwoDirectoryCommandDispatchersIT {

    private static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_selfservice");
    private static final int COMMANDS = 30;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = DATABASE.migratedPool(6);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Test
    void queuedCommandsAreSentOnceByOneOfTwoInstances() throws Exception {
        Clock clock = Clock.systemUTC();
        StaticApplicationContext events = new StaticApplicationContext();
        events.refresh();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DirectoryCommands queue = new DirectoryCommands(jdbc, clock, IdGenerator.random(), events);
        List<String> queued = new ArrayList<>();
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
            for (int i = 0; i < COMMANDS; i++) {
                queued.add(queue.queueAdd("group-" + i, "user-" + i, null, "initiator", UUID.randomUUID().toString()));
            }
        });
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        List<String> senders = Collections.synchronizedList(new ArrayList<>());
        DirectoryCommandDispatcher first = dispatcher("first", sent, senders, clock);
        DirectoryCommandDispatcher second = dispatcher("second", sent, senders, clock);

        AtOnce.run(Duration.ofSeconds(60), first::sendQueued, second::sendQueued);

        assertThat(sent).as("each command sent once").containsExactlyInAnyOrderElementsOf(queued);
        assertThat(senders).as("by one instance").containsOnly(senders.get(0));
        assertThat(jdbc.queryForList("SELECT status FROM directory_command", String.class)).hasSize(COMMANDS)
                .containsOnly(DirectoryCommandStatus.SENT.wireName());

        DirectoryCommandDispatcher leader = senders.get(0).equals("first") ? first : second;
        DirectoryCommandDispatcher standby = leader == first ? second : first;
        leader.destroy(); // releases the lease: the other instance sends what is queued next, without waiting
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status ->
                queued.add(queue.queueAdd("group-late", "user-late", null, "initiator", UUID.randomUUID().toString())));
        standby.sendQueued();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(queued);
        standby.destroy();
    }

    /** An instance's dispatcher; its producer records what it is given and acknowledges it at once. */
    private DirectoryCommandDispatcher dispatcher(String instance, List<String> sent, List<String> senders,
                                                  Clock clock) {
        KafkaTemplate<String, ContractMessage> producer = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(Map.of())) {
            @Override
            public CompletableFuture<SendResult<String, ContractMessage>> send(
                    ProducerRecord<String, ContractMessage> record) {
                sent.add(((ContractCommand) record.value()).metadata().commandId().toString());
                senders.add(instance);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(null);
            }
        };
        DefaultListableBeanFactory tokens = new DefaultListableBeanFactory();
        tokens.registerSingleton("serviceTokens", (ServiceTokens) () -> "token-of-" + instance);
        StaticApplicationContext events = new StaticApplicationContext();
        events.refresh();
        return new DirectoryCommandDispatcher(new DirectoryCommands(new JdbcTemplate(dataSource), clock,
                IdGenerator.random(), events), producer, tokens.getBeanProvider(ServiceTokens.class), 4,
                new DatabaseLeases(new JdbcTemplate(dataSource), clock), clock, Duration.ofSeconds(10));
    }
}
