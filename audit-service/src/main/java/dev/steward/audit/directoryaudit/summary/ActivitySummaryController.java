package dev.steward.audit.directoryaudit.summary;

import dev.steward.audit.directoryaudit.query.AuditFilter;
import dev.steward.audit.directoryaudit.query.QueryErrors;
import dev.steward.audit.directoryaudit.web.AuditLogReadPolicy;
import dev.steward.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steward's {@code GET /v1.0/auditLogs/directoryAudits/summary?$filter=...}: entries per activity per UTC hour, for
 * the entries the {@code $filter} matches (the list's {@code $filter}). Authorised like the list.
 */
@RestController
public class ActivitySummaryController {

    static final String PATH = "/v1.0/auditLogs/directoryAudits/summary";
    private static final String METADATA = "/v1.0/$metadata#auditLogs/directoryAudits/summary";

    private final ActivityCountReader reader;
    private final AuditLogReadPolicy policy;

    public ActivitySummaryController(ActivityCountReader reader, AuditLogReadPolicy policy) {
        this.reader = reader;
        this.policy = policy;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> summary(HttpServletRequest request) {
        policy.check(Callers.current());
        String filter = null;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("$filter")) {
                throw QueryErrors.unsupported("Query option '" + parameter.getKey() + "' is not supported by the "
                        + "summary; it takes only $filter.");
            }
            if (parameter.getValue().length > 1) {
                throw QueryErrors.badRequest("Query option '$filter' was specified more than once.");
            }
            filter = parameter.getValue()[0];
        }
        List<Map<String, Object>> value = reader.countPerActivityPerHour(AuditFilter.parse(filter)).stream()
                .map(ActivitySummaryController::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", root(request) + METADATA);
        body.put("value", value);
        return body;
    }

    private static Map<String, Object> json(ActivityCount count) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("activityDisplayName", count.activityDisplayName());
        item.put("periodStartDateTime", count.periodStartDateTime().toString());
        item.put("count", count.count());
        return item;
    }

    private static String root(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
