package dev.steward.selfservice.notification;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued notification mails over SMTP ({@code spring.mail.*}), outside any request's transaction: right after
 * the transaction that queued them commits, and every {@code steward.selfservice.notifications.mail-poll-interval}
 * for mails whose retry is due. A failed mail is retried with a growing back-off and given up after
 * {@code max-attempts} (each failure logged); a mail server that is down delays mails and nothing else.
 * <p>
 * Each mail is sent in its own transaction that holds the mail's row lock from before the send until it is marked
 * ({@link NotificationMails#claim}, {@code FOR UPDATE SKIP LOCKED}): several instances share the queue, each mail is
 * sent by one of them, and one that finds a mail locked leaves it to the instance sending it. Only an instance that
 * dies between the SMTP server's acceptance and its commit leaves the mail queued, to be sent again (at least once).
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class NotificationMailSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailSender.class);
    private static final int BATCH = 50;

    private final NotificationMails mails;
    private final JavaMailSender smtp;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "selfservice-notification-mails");
        thread.setDaemon(true);
        return thread;
    });

    NotificationMailSender(NotificationMails mails, JavaMailSender smtp, NotificationProperties properties,
                           Clock clock, PlatformTransactionManager transactions) {
        this.mails = mails;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @TransactionalEventListener
    void queued(NotificationMails.MailQueued queued) {
        afterCommit.execute(this::sendDue);
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.notifications.mail-poll-interval:10s}")
    void poll() {
        sendDue();
    }

    /**
     * Sends the due mails, oldest first, skipping those another instance is sending; stops at the first failure (the
     * server is likely away for the rest too).
     */
    synchronized void sendDue() {
        for (NotificationMails.QueuedMail due : mails.due(clock.instant(), BATCH)) {
            if (Boolean.FALSE.equals(transaction.execute(status -> mails.claim(due.id(), clock.instant())
                    .map(this::send).orElse(true)))) {
                return;
            }
        }
    }

    /** Sends a claimed mail and records the outcome in the claiming transaction; false if it failed. */
    private boolean send(NotificationMails.QueuedMail mail) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(mail.address());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            smtp.send(message);
            mails.markSent(mail.id(), clock.instant());
            return true;
        } catch (MailException e) {
            int failures = mail.attempts() + 1;
            if (failures >= properties.maxAttempts()) {
                log.error("notification mail {} to {} given up after {} attempts: {}", mail.id(), mail.address(),
                        failures, e.getMessage());
                mails.markFailed(mail.id(), e.getMessage());
            } else {
                log.warn("notification mail {} to {} not sent (attempt {} of {}), retried later: {}", mail.id(),
                        mail.address(), failures, properties.maxAttempts(), e.getMessage());
                mails.markRetry(mail.id(), clock.instant().plus(properties.backOffAfter(failures)), e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdownNow();
    }
}
