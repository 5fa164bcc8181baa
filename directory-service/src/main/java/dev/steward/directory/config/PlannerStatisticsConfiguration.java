package dev.steward.directory.config;

import dev.steward.platform.jdbc.PlannerStatistics;
import dev.steward.platform.jdbc.PlannerStatisticsRefresh;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables the directory reads by key, whose planner statistics are refreshed every
 * {@code steward.directory.planner-statistics.check-interval} (platform {@link PlannerStatisticsRefresh}): on a fresh
 * install they grow from empty at thousands of rows a second (a sync engine's first cycle). The read models are
 * read by id and by id lists ({@code UNNEST}, {@code IN}), members and owners by either column of their key, command
 * outcomes and parked events by id, the event store by aggregate id and global index. The tenant settings' tables
 * hold a few rows and stay out.
 */
@Configuration(proxyBeanMethods = false)
public class PlannerStatisticsConfiguration {

    public static final List<String> TABLES = List.of("group_view", "user_view", "group_member", "group_owner",
            "command_outcome", "parked_event", "domain_event_entry");

    @Bean
    PlannerStatisticsRefresh plannerStatisticsRefresh(DataSource dataSource,
            @Value("${steward.directory.planner-statistics.check-interval:2s}") Duration checkInterval) {
        return new PlannerStatisticsRefresh(new PlannerStatistics(dataSource, TABLES), checkInterval);
    }
}
