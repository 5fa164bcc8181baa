package dev.steward.selfservice.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.selfservice.requests.*}: how long a request waits for a decision.
 *
 * @param expireAfter   a pending request expires this long after it was made
 * @param remindBefore  its approvers are reminded once, this long before it expires
 * @param checkInterval how often the expiry job looks for requests to remind or expire
 */
@ConfigurationProperties("steward.selfservice.requests")
public record RequestLifecycleProperties(
        @DefaultValue("14d") Duration expireAfter,
        @DefaultValue("3d") Duration remindBefore,
        @DefaultValue("1m") Duration checkInterval) {

    public RequestLifecycleProperties {
        if (expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("steward.selfservice.requests.expire-after must be positive");
        }
        if (remindBefore.isNegative() || remindBefore.compareTo(expireAfter) >= 0) {
            throw new IllegalArgumentException("steward.selfservice.requests.remind-before must be at least 0 and "
                    + "shorter than expire-after");
        }
    }
}
