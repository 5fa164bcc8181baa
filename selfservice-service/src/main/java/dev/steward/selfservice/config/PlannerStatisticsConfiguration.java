package dev.steward.selfservice.config;

import dev.steward.platform.jdbc.PlannerStatistics;
import dev.steward.platform.jdbc.PlannerStatisticsRefresh;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables the service reads by key, whose planner statistics are refreshed every
 * {@code steward.selfservice.planner-statistics.check-interval} (platform {@link PlannerStatisticsRefresh}): the read
 * model fills its tables from empty at thousands of rows a second, and requests grow from none.
 */
@Configuration(proxyBeanMethods = false)
class PlannerStatisticsConfiguration {

    static final List<String> TABLES = List.of("processed_message", "directory_group", "directory_group_owner",
            "directory_group_member", "directory_user", "membership_request", "membership_request_approver",
            "directory_command", "notification_mail", "outbox_message");

    @Bean
    PlannerStatisticsRefresh plannerStatisticsRefresh(DataSource dataSource,
            @Value("${steward.selfservice.planner-statistics.check-interval:2s}") Duration checkInterval) {
        return new PlannerStatisticsRefresh(new PlannerStatistics(dataSource, TABLES), checkInterval);
    }
}
