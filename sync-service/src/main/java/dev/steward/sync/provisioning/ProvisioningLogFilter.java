package dev.steward.sync.provisioning;

import static dev.steward.platform.odata.FilterOperator.EQ;
import static dev.steward.platform.odata.FilterOperator.GE;
import static dev.steward.platform.odata.FilterOperator.LE;
import static dev.steward.platform.odata.FilterType.DATE_TIME;
import static dev.steward.platform.odata.FilterType.STRING;

import dev.steward.platform.odata.FilterParser;
import dev.steward.platform.odata.FilterProperty;
import dev.steward.platform.odata.FilterSchema;
import dev.steward.platform.odata.LogicalOperator;
import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.odata.SqlFilter;
import java.util.List;
import java.util.Set;

/**
 * The {@code $filter} of {@code GET /sync/provisioningLogs}: conditions joined by {@code and}, each one of
 * {@code action eq '...'}, {@code cycleId eq '...'}, {@code sourceIdentity/id eq '...'},
 * {@code targetIdentity/id eq '...'}, {@code activityDateTime ge|le <date-time>}, read by the platform's
 * {@link FilterParser} and translated to a SQL condition on {@code provisioning_log}.
 */
public final class ProvisioningLogFilter {

    static final FilterSchema SCHEMA = FilterSchema.of("provisioningObjectSummary", Set.of(LogicalOperator.AND),
            List.of(FilterProperty.of("action", STRING, EQ),
                    FilterProperty.of("cycleId", STRING, EQ),
                    FilterProperty.of("sourceIdentity/id", STRING, EQ),
                    FilterProperty.of("targetIdentity/id", STRING, EQ),
                    FilterProperty.of("activityDateTime", DATE_TIME, GE, LE)));

    private static final SqlFilter SQL = SqlFilter.of(SCHEMA)
            .column("action", "log_action")
            .column("cycleId", "cycle_id")
            .column("sourceIdentity/id", "source_id")
            .column("targetIdentity/id", "target_id")
            .column("activityDateTime", "activity_at")
            .build();

    private ProvisioningLogFilter() {
    }

    /**
     * The SQL condition of {@code filter}; {@link SqlCondition#ALL} when there is none (null or blank). Anything
     * else is a 400: {@code Request_BadRequest} when malformed, {@code Request_UnsupportedQuery} for another
     * property, operator or connective.
     */
    public static SqlCondition parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return SqlCondition.ALL;
        }
        return SQL.condition(FilterParser.parse(filter, SCHEMA));
    }
}
