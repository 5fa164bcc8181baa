package dev.steward.selfservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.platform.kafka.ContractPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on the H2 schema the quickstart uses, with a publisher that can be made to fail. */
class OutboxRelayTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final List<Object> applicationEvents = new ArrayList<>();
    private final Outbox outbox = new Outbox(jdbc,
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC), applicationEvents::add);
    private final FlakyPublisher publisher = new FlakyPublisher();
    private final OutboxRelay relay = new OutboxRelay(jdbc, publisher, 2);

    OutboxRelayTest() {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterEach
    void stopRelay() throws InterruptedException {
        relay.destroy();
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void publishesQueuedMessagesInOrderAndEmptiesTheOutbox() {
        List<MembershipRequested> events = List.of(event(), event(), event(), event(), event());
        transaction.executeWithoutResult(status -> events.forEach(e -> outbox.append(Topics.SELFSERVICE_EVENTS, e)));

        assertThat(relay.drain()).isEqualTo(5);

        assertThat(publisher.published).containsExactlyElementsOf(events);
        assertThat(publisher.topics).containsOnly(Topics.SELFSERVICE_EVENTS);
        assertThat(outboxSize()).isZero();
        assertThat(applicationEvents).hasSize(5);
    }

    @Test
    void keepsMessageWhosePublishFailedAndPublishesItOnTheNextDrain() {
        MembershipRequested first = event();
        MembershipRequested second = event();
        transaction.executeWithoutResult(status -> {
            outbox.append(Topics.SELFSERVICE_EVENTS, first);
            outbox.append(Topics.SELFSERVICE_EVENTS, second);
        });
        publisher.failuresLeft = 1;

        assertThat(relay.drain()).isZero();
        assertThat(publisher.published).isEmpty();
        assertThat(outboxSize()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM outbox_message", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT MAX(last_error) FROM outbox_message", String.class))
                .contains("broker unavailable");

        assertThat(relay.drain()).isEqualTo(2);
        assertThat(publisher.published).containsExactly(first, second);
        assertThat(outboxSize()).isZero();
    }

    @Test
    void neverPublishesMessageOfRolledBackTransaction() {
        transaction.executeWithoutResult(status -> {
            outbox.append(Topics.SELFSERVICE_EVENTS, event());
            status.setRollbackOnly();
        });

        assertThat(relay.drain()).isZero();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void refusesToQueueOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(Topics.SELFSERVICE_EVENTS, event()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outboxSize()).isZero();
    }

    private int outboxSize() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message", Integer.class);
    }

    private static MembershipRequested event() {
        String requestId = UUID.randomUUID().toString();
        return new MembershipRequested(new EventMetadata(UUID.randomUUID(), Instant.parse("2026-01-01T10:00:00Z"),
                requestId, "corr", Initiator.user("bob", "bob@corp.example.test", "Bob"), 1), requestId, "g1",
                "Engineering", "bob", "bob@corp.example.test", List.of("alice"), "please");
    }

    /** Records what it publishes; fails the next {@code failuresLeft} publishes as a broker outage would. */
    private static final class FlakyPublisher extends ContractPublisher {
        final List<ContractMessage> published = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        int failuresLeft;

        FlakyPublisher() {
            super(null);
        }

        @Override
        public void publish(String topic, ContractMessage message) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("broker unavailable");
            }
            topics.add(topic);
            published.add(message);
        }
    }
}
