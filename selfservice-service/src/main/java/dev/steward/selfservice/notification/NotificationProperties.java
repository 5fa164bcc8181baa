package dev.steward.selfservice.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.selfservice.notifications.*}: what is notified and how notification mails are sent. Mails go out only
 * when a mail server is configured ({@code spring.mail.host}).
 *
 * @param maxAge        an event older than this when it is consumed is not notified (a replay of the events topic,
 *                      a service that was down for long): nobody wants last month's reminders
 * @param mailFrom      the sender of notification mails
 * @param pageUrl       the address of the My Groups page, linked from every mail; none when empty
 * @param maxAttempts   a mail that failed this many times is given up (logged as an error, kept as {@code Failed})
 * @param retryInterval the wait after a first failure; it doubles after each further one, up to an hour
 */
@ConfigurationProperties("steward.selfservice.notifications")
public record NotificationProperties(
        @DefaultValue("1d") Duration maxAge,
        @DefaultValue("My Groups <no-reply@steward.invalid>") String mailFrom,
        @DefaultValue("") String pageUrl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryInterval) {

    public NotificationProperties {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("steward.selfservice.notifications.max-age must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("steward.selfservice.notifications.max-attempts must be at least 1");
        }
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("steward.selfservice.notifications.retry-interval must be positive");
        }
    }

    /** The wait before attempt {@code failures + 1}: the retry interval, doubled per further failure, at most 1 h. */
    Duration backOffAfter(int failures) {
        Duration wait = retryInterval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
