package dev.steward.audit.directoryaudit.projection;

/**
 * A record on an event topic that has no audit activity (a command, a result, an unknown event). It is an
 * {@link IllegalArgumentException} so the consumer's error handler dead-letters it at once instead of retrying.
 */
public class NotAuditableException extends IllegalArgumentException {

    public NotAuditableException(String message) {
        super(message);
    }
}
