package dev.steward.platform.outbox;

import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.lease.Leadership;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox of a service that sets {@code steward.outbox.enabled=true} and creates the {@code outbox_message} and
 * {@code steward_lease} tables in its Flyway scripts (see platform/README.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "steward.outbox.enabled", havingValue = "true")
public class OutboxConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        return new Outbox(jdbc, clock, events);
    }

    @Bean
    OutboxSettings outboxSettings(@Value("${steward.outbox.batch-size:500}") int batchSize,
                                  @Value("${steward.outbox.poll-interval:1s}") Duration pollInterval,
                                  @Value("${steward.outbox.retention:7d}") Duration retention,
                                  @Value("${steward.outbox.lease-duration:10s}") Duration leaseDuration) {
        return new OutboxSettings(batchSize, pollInterval, retention, leaseDuration);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, ContractPublisher publisher, Clock clock, OutboxSettings settings,
                            DatabaseLeases leases) {
        return new OutboxRelay(jdbc, publisher, clock, settings, new Leadership(leases, OutboxRelay.LEASE,
                Leadership.instanceName(), settings.leaseDuration(), clock));
    }
}
