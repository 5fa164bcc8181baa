package dev.steward.platform;

import dev.steward.platform.jdbc.PostgresBatchedInserts;
import dev.steward.platform.kafka.KafkaPlumbing;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.outbox.OutboxConfiguration;
import dev.steward.platform.security.ApiSecurityConfiguration;
import dev.steward.platform.web.GraphEdgeFilter;
import dev.steward.platform.web.GraphErrorAdvice;
import dev.steward.platform.web.GraphErrorController;
import dev.steward.platform.web.GraphErrorReportValve;
import dev.steward.platform.web.GraphErrors;
import dev.steward.platform.web.GraphJsonBodies;
import dev.steward.platform.web.RequestIdFilter;
import java.time.Clock;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The edges every Steward service shares; a service gets them by depending on this module. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"},
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@Import({ApiSecurityConfiguration.class, KafkaPlumbing.class, OutboxConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    static PostgresBatchedInserts postgresBatchedInserts() {
        return new PostgresBatchedInserts();
    }

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
    GraphErrorController graphErrorController(GraphErrors graphErrors) {
        return new GraphErrorController(graphErrors);
    }

    @Bean
    GraphJsonBodies graphJsonBodies(JsonMapper jsonMapper) {
        return new GraphJsonBodies(jsonMapper);
    }

    /**
     * Tomcat's own error reports (what it refuses before any servlet runs) in Graph's shape: every
     * {@link ErrorReportValve} of the host, Spring Boot's included, is replaced by {@link GraphErrorReportValve}.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> graphErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(GraphErrorReportValve.class.getName());
            }
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    useGraphErrorReports(context.getParent());
                }
            });
        });
    }

    private static void useGraphErrorReports(Container host) {
        boolean installed = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof GraphErrorReportValve) {
                installed = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!installed) {
            host.getPipeline().addValve(new GraphErrorReportValve());
        }
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GraphEdgeFilter> graphEdgeFilter(GraphErrors graphErrors) {
        FilterRegistrationBean<GraphEdgeFilter> registration = new FilterRegistrationBean<>(new GraphEdgeFilter(graphErrors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ProcessedMessages processedMessages(JdbcTemplate jdbcTemplate, Clock clock) {
        return new ProcessedMessages(jdbcTemplate, clock);
    }

    /** The database leases; a service that uses them creates {@code steward_lease} (platform/README.md). */
    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    DatabaseLeases databaseLeases(JdbcTemplate jdbcTemplate, Clock clock) {
        return new DatabaseLeases(jdbcTemplate, clock);
    }
}
