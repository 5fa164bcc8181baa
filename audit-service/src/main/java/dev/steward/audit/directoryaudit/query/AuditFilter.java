package dev.steward.audit.directoryaudit.query;

import static dev.steward.platform.odata.FilterOperator.EQ;
import static dev.steward.platform.odata.FilterOperator.GE;
import static dev.steward.platform.odata.FilterOperator.GT;
import static dev.steward.platform.odata.FilterOperator.LE;
import static dev.steward.platform.odata.FilterOperator.LT;
import static dev.steward.platform.odata.FilterOperator.STARTS_WITH;
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
 * The {@code $filter} of {@code directoryAudits}, as Graph's audit log answers it: conditions joined by
 * {@code and}, each on one of the properties below, read by the platform's {@link FilterParser} and translated to
 * a SQL condition on {@code directory_audit a}. Column names come only from here, never from the request.
 *
 * <p>{@code targetResources/any} is an {@code EXISTS} on the target rows joined by entry id <em>and</em> entry time
 * (each target row carries its entry's {@code activity_date_time}): with the target rows' indexes on (value, time,
 * entry id), PostgreSQL can read a rare value's rows first and sort their few entries by time, or merge them with the
 * time index, instead of probing the targets of every entry along the time index.
 */
public final class AuditFilter {

    static final FilterSchema TARGET = FilterSchema.of("targetResources/any", Set.of(), List.of(
            FilterProperty.of("id", STRING, EQ),
            FilterProperty.of("displayName", STRING, EQ, STARTS_WITH)));

    static final FilterSchema SCHEMA = FilterSchema.of("directoryAudit", Set.of(LogicalOperator.AND), List.of(
            FilterProperty.of("activityDisplayName", STRING, EQ, STARTS_WITH),
            FilterProperty.of("activityDateTime", DATE_TIME, EQ, GE, LE, GT, LT),
            FilterProperty.of("category", STRING, EQ),
            FilterProperty.of("correlationId", STRING, EQ),
            FilterProperty.of("loggedByService", STRING, EQ),
            FilterProperty.of("result", STRING, EQ),
            FilterProperty.of("operationType", STRING, EQ),
            FilterProperty.of("initiatedBy/user/id", STRING, EQ),
            FilterProperty.of("initiatedBy/user/userPrincipalName", STRING, EQ, STARTS_WITH),
            FilterProperty.of("initiatedBy/app/appId", STRING, EQ),
            FilterProperty.collection("targetResources", TARGET)));

    private static final SqlFilter SQL = SqlFilter.of(SCHEMA)
            .column("activityDisplayName", "a.activity_display_name")
            .column("activityDateTime", "a.activity_date_time")
            .column("category", "a.category")
            .column("correlationId", "a.correlation_id")
            .column("loggedByService", "a.logged_by_service")
            .column("result", "a.audit_result")
            .column("operationType", "a.operation_type")
            .column("initiatedBy/user/id", "a.initiated_by_user_id")
            .column("initiatedBy/user/userPrincipalName", "a.initiated_by_user_upn")
            .column("initiatedBy/app/appId", "a.initiated_by_app_id")
            .exists("targetResources", "SELECT 1 FROM directory_audit_target t WHERE t.audit_id = a.id "
                    + "AND t.activity_date_time = a.activity_date_time",
                    SqlFilter.of(TARGET).column("id", "t.target_id").column("displayName", "t.display_name").build())
            .build();

    private AuditFilter() {
    }

    /**
     * The SQL condition of {@code expression}; {@link SqlCondition#ALL} when there is none (null). Malformed input
     * is a 400 {@code BadRequest}, what the audit log does not answer a 400 {@code Request_UnsupportedQuery}.
     */
    public static SqlCondition parse(String expression) {
        if (expression == null) {
            return SqlCondition.ALL;
        }
        return QueryErrors.badRequest(() -> SQL.condition(FilterParser.parse(expression, SCHEMA)));
    }
}
