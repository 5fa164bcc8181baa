-- Notification mails (NotificationMails): one row per notification and recipient, written in the transaction of the
-- notification, sent after it commits; retried with back-off until Sent, or Failed after max-attempts.
CREATE TABLE notification_mail (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    notification_id VARCHAR(36)   NOT NULL,
    recipient_id    VARCHAR(100)  NOT NULL,
    address         VARCHAR(256)  NOT NULL,
    subject         VARCHAR(600)  NOT NULL,
    body            VARCHAR(8000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP,
    CONSTRAINT notification_mail_once UNIQUE (notification_id, recipient_id)
);

CREATE INDEX notification_mail_due ON notification_mail (status, next_attempt_at);
