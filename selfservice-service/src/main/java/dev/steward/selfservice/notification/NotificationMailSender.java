package dev.steward.selfservice.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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
 * Each round runs in one transaction that claims up to {@value #BATCH} due mails ({@link NotificationMails#claimDue},
 * {@code FOR UPDATE SKIP LOCKED}), sends them over one SMTP connection and records each outcome before the locks go:
 * several instances share the queue and each mail is sent by one of them. Only an instance that dies between the SMTP
 * server's acceptance and its commit leaves mails queued, to be sent again (at least once).
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
    private final AtomicBoolean sendQueued = new AtomicBoolean();
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

    /** A send that is queued and has not started yet serves every mail committed before it starts. */
    @TransactionalEventListener
    void queued(NotificationMails.MailQueued queued) {
        if (sendQueued.compareAndSet(false, true)) {
            afterCommit.execute(() -> {
                sendQueued.set(false);
                sendDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.notifications.mail-poll-interval:10s}")
    void poll() {
        sendDue();
    }

    /**
     * Sends the due mails, oldest first, {@value #BATCH} at a time over one SMTP connection; a mail the server refused
     * (or all of them, when the server cannot be reached) is retried later, and the round stops (the server is likely
     * away for the rest too).
     */
    synchronized void sendDue() {
        while (Boolean.TRUE.equals(transaction.execute(status -> sendRound()))) {
            // every mail of the round was sent and more may be due
        }
    }

    /** Claims, sends and records one round; true when all of it was sent and it was a full one. */
    private boolean sendRound() {
        List<NotificationMails.QueuedMail> due = mails.claimDue(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return false;
        }
        Map<Object, Exception> failed = send(due);
        for (int i = 0; i < due.size(); i++) {
            NotificationMails.QueuedMail mail = due.get(i);
            Exception failure = failed.get(i);
            if (failure == null) {
                mails.markSent(mail.id(), clock.instant());
            } else {
                retryOrGiveUp(mail, failure);
            }
        }
        return failed.isEmpty() && due.size() == BATCH;
    }

    /** Answers the failures by the mail's index in {@code due}; empty when every mail was sent. */
    private Map<Object, Exception> send(List<NotificationMails.QueuedMail> due) {
        SimpleMailMessage[] messages = due.stream().map(mail -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(mail.address());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            return message;
        }).toArray(SimpleMailMessage[]::new);
        try {
            smtp.send(messages);
            return Map.of();
        } catch (MailSendException e) {
            Map<Object, Exception> byMessage = e.getFailedMessages();
            Map<Object, Exception> byIndex = new HashMap<>();
            for (int i = 0; i < messages.length; i++) {
                Exception failure = byMessage.get(messages[i]);
                if (failure != null || byMessage.isEmpty()) {
                    byIndex.put(i, failure != null ? failure : e);
                }
            }
            return byIndex;
        } catch (MailException e) {
            Map<Object, Exception> all = new HashMap<>();
            for (int i = 0; i < messages.length; i++) {
                all.put(i, e);
            }
            return all;
        }
    }

    private void retryOrGiveUp(NotificationMails.QueuedMail mail, Exception failure) {
        int failures = mail.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            log.error("notification mail {} to {} given up after {} attempts: {}", mail.id(), mail.address(),
                    failures, failure.getMessage());
            mails.markFailed(mail.id(), failure.getMessage());
        } else {
            log.warn("notification mail {} to {} not sent (attempt {} of {}), retried later: {}", mail.id(),
                    mail.address(), failures, properties.maxAttempts(), failure.getMessage());
            mails.markRetry(mail.id(), clock.instant().plus(properties.backOffAfter(failures)), failure.getMessage());
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdownNow();
    }
}
