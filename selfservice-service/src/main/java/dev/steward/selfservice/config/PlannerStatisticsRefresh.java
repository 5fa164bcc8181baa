package dev.steward.selfservice.config;

import dev.steward.platform.jdbc.PlannerStatistics;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner statistics of the tables the service reads by key (platform {@link PlannerStatistics}) every
 * {@code steward.selfservice.planner-statistics.check-interval}: the read model fills its tables from empty at
 * thousands of rows a second, and requests grow from none, faster than autovacuum wakes up (where it runs at all),
 * and a look-up prepared while a table was small would otherwise read all of it.
 */
@Component
class PlannerStatisticsRefresh {

    static final List<String> TABLES = List.of("processed_message", "directory_group", "directory_group_owner",
            "directory_group_member", "directory_user", "membership_request", "membership_request_approver",
            "directory_command", "notification_mail", "outbox_message");

    private static final Logger log = LoggerFactory.getLogger(PlannerStatisticsRefresh.class);

    private final PlannerStatistics statistics;

    PlannerStatisticsRefresh(DataSource dataSource) {
        this.statistics = new PlannerStatistics(dataSource, TABLES);
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.planner-statistics.check-interval:2s}")
    void refresh() {
        try {
            statistics.refreshStale();
        } catch (RuntimeException e) {
            log.warn("planner statistics not refreshed: {}", e.toString());
        }
    }
}
