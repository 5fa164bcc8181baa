package dev.steward.selfservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How long a request waits for a decision, and when its approvers are reminded, is the tenant's to configure. */
class RequestLifecyclePropertiesTest {

    @Test
    void expiryAndReminderDefaultToFourteenAndThreeDays() {
        RequestLifecycleProperties defaults = bind(Map.of());

        assertThat(defaults.expireAfter()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.remindBefore()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.checkInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void expiryAndReminderAreConfigured() {
        RequestLifecycleProperties configured = bind(Map.of("steward.selfservice.requests.expire-after", "36h",
                "steward.selfservice.requests.remind-before", "12h", "steward.selfservice.requests.check-interval",
                "10s"));

        assertThat(configured.expireAfter()).isEqualTo(Duration.ofHours(36));
        assertThat(configured.remindBefore()).isEqualTo(Duration.ofHours(12));
        assertThat(configured.checkInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesAnExpiryThatIsNotPositiveOrAReminderNotBeforeIt() {
        assertThatThrownBy(() -> bind(Map.of("steward.selfservice.requests.expire-after", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("expire-after must be positive");
        assertThatThrownBy(() -> bind(Map.of("steward.selfservice.requests.expire-after", "2d",
                "steward.selfservice.requests.remind-before", "2d")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("shorter than expire-after");
        assertThatThrownBy(() -> bind(Map.of("steward.selfservice.requests.remind-before", "-1h")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("remind-before must be at least 0");
    }

    private static RequestLifecycleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("steward.selfservice.requests", RequestLifecycleProperties.class);
    }
}
