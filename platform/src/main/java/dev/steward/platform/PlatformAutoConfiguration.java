package dev.steward.platform;

import dev.steward.platform.kafka.KafkaPlumbing;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.platform.outbox.OutboxConfiguration;
import dev.steward.platform.security.ApiSecurityConfiguration;
import dev.steward.platform.web.GraphErrorAdvice;
import dev.steward.platform.web.GraphErrors;
import dev.steward.platform.web.RequestIdFilter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The edges every Steward service shares; a service gets them by depending on this module. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"},
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@Import({ApiSecurityConfiguration.class, KafkaPlumbing.class, OutboxConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GraphErrors graphErrors(Clock clock) {
        return new GraphErrors(clock);
    }

    @Bean
    GraphErrorAdvice graphErrorAdvice(GraphErrors graphErrors) {
        return new GraphErrorAdvice(graphErrors);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ProcessedMessages processedMessages(JdbcTemplate jdbcTemplate, Clock clock) {
        return new ProcessedMessages(jdbcTemplate, clock);
    }
}
