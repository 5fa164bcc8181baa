package dev.steward.audit.directoryaudit.query;

import dev.steward.platform.odata.SqlCondition;
import dev.steward.platform.web.GraphPage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query options of {@code GET /auditLogs/directoryAudits}: {@code $filter}, {@code $top} (1-999, default 100),
 * {@code $orderby=activityDateTime desc|asc} (default desc), {@code $count} and {@code $skiptoken}. The {@code $}
 * prefix is optional, as in Graph v1.0.
 *
 * @param filter  the {@code $filter} as a SQL condition on {@code directory_audit a}
 * @param options the options as the client wrote them, without {@code $skiptoken}, to repeat in the next link
 */
public record AuditQuery(SqlCondition filter, int top, SortOrder order, boolean count, SkipToken skipToken,
                         Map<String, String> options) {

    public static final int DEFAULT_TOP = 100;
    public static final int MAX_TOP = 999;

    static final String FILTER = "$filter";
    static final String TOP = "$top";
    static final String ORDER_BY = "$orderby";
    static final String COUNT = "$count";
    static final String SKIP_TOKEN = "$skiptoken";
    private static final List<String> SUPPORTED = List.of(FILTER, TOP, ORDER_BY, COUNT, SKIP_TOKEN);
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("$skip", "$select", "$expand", "$search", "$format",
            "$apply", "$compute", "$levels");

    public AuditQuery {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Reads the request's query parameters; parameters that are not query options are ignored. */
    public static AuditQuery parse(Map<String, List<String>> parameters) {
        Map<String, String> options = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String option = optionName(name);
            if (option == null) {
                return;
            }
            if (values.size() > 1 || options.containsKey(option)) {
                throw QueryErrors.badRequest("Query option '" + option + "' was specified more than once.");
            }
            options.put(option, values.isEmpty() || values.get(0) == null ? "" : values.get(0));
        });
        SqlCondition filter = AuditFilter.parse(options.get(FILTER));
        int top = QueryErrors.badRequest(() -> GraphPage.top(options.get(TOP), DEFAULT_TOP, MAX_TOP));
        SortOrder order = order(options.get(ORDER_BY));
        boolean count = QueryErrors.badRequest(() -> GraphPage.count(options.get(COUNT)));
        SkipToken skipToken = null;
        if (options.containsKey(SKIP_TOKEN)) {
            skipToken = SkipToken.decode(options.remove(SKIP_TOKEN));
            if (skipToken.order() != order) {
                throw QueryErrors.badRequest("The $skiptoken belongs to another $orderby. Use the @odata.nextLink "
                        + "of a previous page as it is.");
            }
        }
        return new AuditQuery(filter, top, order, count, skipToken, options);
    }

    /** {@code $filter} for {@code $filter} or {@code filter}; null for parameters that are not query options. */
    private static String optionName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String option = lower.startsWith("$") ? lower : "$" + lower;
        if (SUPPORTED.contains(option)) {
            return option;
        }
        if (lower.startsWith("$") || KNOWN_UNSUPPORTED.contains(option)) {
            String hint = option.equals("$skip") ? " Page with @odata.nextLink." : "";
            throw QueryErrors.unsupported("Query option '" + option + "' is not supported on directoryAudits." + hint);
        }
        return null;
    }

    private static SortOrder order(String value) {
        if (value == null) {
            return SortOrder.DESC;
        }
        String[] words = value.trim().split("\\s+");
        if (words.length == 0 || words.length > 2 || words[0].isEmpty()) {
            throw QueryErrors.badRequest("Invalid $orderby: write activityDateTime desc or activityDateTime asc.");
        }
        if (!words[0].equalsIgnoreCase("activityDateTime")) {
            throw QueryErrors.unsupported("Ordering by '" + words[0] + "' is not supported; only activityDateTime.");
        }
        if (words.length == 1 || words[1].equalsIgnoreCase("asc")) {
            return SortOrder.ASC;
        }
        if (words[1].equalsIgnoreCase("desc")) {
            return SortOrder.DESC;
        }
        throw QueryErrors.badRequest("Invalid $orderby direction '" + words[1] + "': use asc or desc.");
    }
}
