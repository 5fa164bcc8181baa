package dev.steward.selfservice.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The mails to send (table {@code notification_mail}): one row per notification and recipient, written in the
 * transaction of the notification, sent by {@link NotificationMailSender} after it commits. A row is {@code Queued}
 * until it is {@code Sent}, or {@code Failed} once it has failed {@code max-attempts} times.
 */
@Repository
class NotificationMails {

    static final String QUEUED = "Queued";
    static final String SENT = "Sent";
    static final String FAILED = "Failed";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    NotificationMails(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A mail queued for sending, as the sender reads it. */
    record QueuedMail(String id, String address, String subject, String body, int attempts) {
    }

    /** Queues one mail; a notification mails each recipient once. */
    void queue(String id, String notificationId, String recipientId, String address, String subject, String body,
               Instant now) {
        int inserted = jdbc.update("INSERT INTO notification_mail (id, notification_id, recipient_id, address, subject, "
                        + "body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
                        + "ON CONFLICT DO NOTHING", id, notificationId, recipientId, address, subject, body, QUEUED,
                Timestamp.from(now), Timestamp.from(now));
        if (inserted == 1) {
            events.publishEvent(new MailQueued(id));
        }
    }

    /**
     * Locks up to {@code limit} mails that are queued and due at {@code now}, oldest first, for sending until the
     * caller's transaction ends, skipping those another instance holds ({@code FOR UPDATE SKIP LOCKED}).
     */
    List<QueuedMail> claimDue(Instant now, int limit) {
        return jdbc.query("SELECT id, address, subject, body, attempts FROM notification_mail WHERE status = ? "
                        + "AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, row) -> new QueuedMail(rs.getString("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts")), QUEUED, Timestamp.from(now), limit);
    }

    void markSent(String id, Instant at) {
        jdbc.update("UPDATE notification_mail SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ?", SENT, Timestamp.from(at), id);
    }

    void markRetry(String id, Instant nextAttempt, String error) {
        jdbc.update("UPDATE notification_mail SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE id = ?", Timestamp.from(nextAttempt), truncate(error), id);
    }

    void markFailed(String id, String error) {
        jdbc.update("UPDATE notification_mail SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                FAILED, truncate(error), id);
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** Published in the transaction that queued a mail; the sender sends once it commits. */
    record MailQueued(String id) {
    }
}
