package dev.steward.audit.directoryaudit.query;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The entry properties {@code $filter} can test, the column each is stored in, and the operators it supports.
 * Column names come only from here, never from the request.
 */
public enum FilterField {
    ACTIVITY_DISPLAY_NAME("activityDisplayName", "a.activity_display_name", false,
            EnumSet.of(FilterOperator.EQ, FilterOperator.STARTS_WITH)),
    ACTIVITY_DATE_TIME("activityDateTime", "a.activity_date_time", true,
            EnumSet.of(FilterOperator.EQ, FilterOperator.GE, FilterOperator.LE, FilterOperator.GT, FilterOperator.LT)),
    CATEGORY("category", "a.category", false, EnumSet.of(FilterOperator.EQ)),
    CORRELATION_ID("correlationId", "a.correlation_id", false, EnumSet.of(FilterOperator.EQ)),
    LOGGED_BY_SERVICE("loggedByService", "a.logged_by_service", false, EnumSet.of(FilterOperator.EQ)),
    RESULT("result", "a.audit_result", false, EnumSet.of(FilterOperator.EQ)),
    OPERATION_TYPE("operationType", "a.operation_type", false, EnumSet.of(FilterOperator.EQ)),
    INITIATED_BY_USER_ID("initiatedBy/user/id", "a.initiated_by_user_id", false, EnumSet.of(FilterOperator.EQ)),
    INITIATED_BY_USER_PRINCIPAL_NAME("initiatedBy/user/userPrincipalName", "a.initiated_by_user_upn", false,
            EnumSet.of(FilterOperator.EQ, FilterOperator.STARTS_WITH)),
    INITIATED_BY_APP_ID("initiatedBy/app/appId", "a.initiated_by_app_id", false, EnumSet.of(FilterOperator.EQ));

    private final String path;
    private final String column;
    private final boolean dateTime;
    private final Set<FilterOperator> operators;

    FilterField(String path, String column, boolean dateTime, Set<FilterOperator> operators) {
        this.path = path;
        this.column = column;
        this.dateTime = dateTime;
        this.operators = operators;
    }

    /** The property path as Graph writes it, e.g. {@code initiatedBy/user/id}. */
    public String path() {
        return path;
    }

    String column() {
        return column;
    }

    boolean isDateTime() {
        return dateTime;
    }

    boolean supports(FilterOperator operator) {
        return operators.contains(operator);
    }

    /** The field at {@code path}, matched without regard to case as Graph does. */
    static Optional<FilterField> byPath(String path) {
        String wanted = path.toLowerCase(Locale.ROOT);
        for (FilterField field : values()) {
            if (field.path.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The properties of a target resource that {@code targetResources/any(t: ...)} can test. */
    public enum Target {
        ID("id", "t.target_id", EnumSet.of(FilterOperator.EQ)),
        DISPLAY_NAME("displayName", "t.display_name", EnumSet.of(FilterOperator.EQ, FilterOperator.STARTS_WITH));

        private final String path;
        private final String column;
        private final Set<FilterOperator> operators;

        Target(String path, String column, Set<FilterOperator> operators) {
            this.path = path;
            this.column = column;
            this.operators = operators;
        }

        public String path() {
            return path;
        }

        String column() {
            return column;
        }

        boolean supports(FilterOperator operator) {
            return operators.contains(operator);
        }

        static Optional<Target> byPath(String path) {
            for (Target target : values()) {
                if (target.path.equalsIgnoreCase(path)) {
                    return Optional.of(target);
                }
            }
            return Optional.empty();
        }
    }
}
