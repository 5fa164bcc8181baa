package dev.steward.selfservice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.platform.testing.AtOnce;
import dev.steward.platform.testing.TestDatabase;
import dev.steward.selfservice.support.TestMailServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the service on one database, both with mail configured: every queued mail is sent once, by one
 * of them, although both look at the queue at the same moment (each mail's row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} for its round).
 */
class TwoMailSendersIT {

    private static final TestDatabase DATABASE = TestDatabase.freshSchemaIn("steward_selfservice");
    /** More than two rounds of 50, so that both instances claim a round while the other sends. */
    private static final int MAILS = 120;
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
    void eachQueuedMailIsSentByOneOfTwoInstances() throws Exception {
        Clock clock = Clock.systemUTC();
        StaticApplicationContext events = new StaticApplicationContext();
        events.refresh();
        NotificationMails queue = new NotificationMails(new JdbcTemplate(dataSource), events);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = new ArrayList<>();
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
            for (int i = 0; i < MAILS; i++) {
                String address = "two-senders-" + run + "-" + i + "@corp.example.test";
                addresses.add(address);
                queue.queue(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "user-" + i, address,
                        "Mail " + i, "Body " + i, clock.instant().minusSeconds(1));
            }
        });
        Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();
        NotificationMailSender first = sender("first", sentBy, clock);
        NotificationMailSender second = sender("second", sentBy, clock);

        AtOnce.run(Duration.ofSeconds(60), first::sendDue, second::sendDue);

        for (String address : addresses) {
            assertThat(TestMailServer.mailsTo(address)).as("mails to %s", address).hasSize(1);
        }
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT status, attempts FROM notification_mail "
                + "WHERE address LIKE ?", "two-senders-" + run + "-%"))
                .hasSize(MAILS).allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo(NotificationMails.SENT);
                    assertThat(row.get("attempts")).isEqualTo(1);
                });
        assertThat(sentBy.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(MAILS);
        assertThat(sentBy).as("both instances sent part of the queue").containsKeys("first", "second");
    }

    /** An instance's sender: real SMTP to the test server, each send taking a little longer, counted per instance. */
    private NotificationMailSender sender(String instance, Map<String, AtomicInteger> sentBy, Clock clock) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.send(messages);
                sentBy.computeIfAbsent(instance, name -> new AtomicInteger()).addAndGet(messages.length);
            }
        };
        smtp.setHost("127.0.0.1");
        smtp.setPort(TestMailServer.port());
        StaticApplicationContext events = new StaticApplicationContext();
        events.refresh();
        return new NotificationMailSender(new NotificationMails(new JdbcTemplate(dataSource), events), smtp,
                new NotificationProperties(Duration.ofDays(1), "My Groups <no-reply@steward.invalid>", "", 5,
                        Duration.ofMinutes(1)), clock, new JdbcTransactionManager(dataSource));
    }
}
