package dev.steward.sync.provisioning.web;

import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import dev.steward.sync.access.ReadProvisioningLogs;
import dev.steward.sync.provisioning.ProvisioningLog;
import dev.steward.sync.provisioning.ProvisioningLogEntry;
import dev.steward.sync.provisioning.ProvisioningLogFilter;
import dev.steward.sync.support.Sequenced;
import dev.steward.sync.web.GraphCollections;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sync engine's provisioning log, newest first, shaped after Graph's {@code provisioningObjectSummary}. */
@RestController
public class ProvisioningLogController {

    static final String SOURCE_SYSTEM = "Active Directory";
    static final String TARGET_SYSTEM = "Steward directory";

    private final ProvisioningLog provisioningLog;

    public ProvisioningLogController(ProvisioningLog provisioningLog) {
        this.provisioningLog = provisioningLog;
    }

    @GetMapping(path = "/sync/provisioningLogs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(@RequestParam(name = "$top", required = false) String top,
                                    @RequestParam(name = "$filter", required = false) String filter,
                                    @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                    HttpServletRequest request) {
        ReadProvisioningLogs.check(Callers.current());
        int limit = GraphPage.top(top);
        List<Sequenced<ProvisioningLogEntry>> fetched = provisioningLog.page(ProvisioningLogFilter.parse(filter),
                GraphCollections.sequence(skipToken), KeysetPage.fetchSize(limit));
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(fetched, limit, last -> Long.toString(last.seq()))
                .map(s -> view(s.value()));
        return GraphCollections.collection(request, "provisioningLogs", page.rows(), page.next());
    }

    static Map<String, Object> view(ProvisioningLogEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("activityDateTime", entry.activityDateTime());
        view.put("cycleId", entry.cycleId());
        view.put("action", entry.action());
        view.put("eventId", entry.eventCode());
        view.put("reason", entry.reason());
        view.put("sourceSystem", Map.of("displayName", SOURCE_SYSTEM));
        view.put("targetSystem", Map.of("displayName", TARGET_SYSTEM));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", entry.sourceId());
        source.put("displayName", entry.sourceDisplayName());
        source.put("distinguishedName", entry.sourceDistinguishedName());
        source.put("identityType", entry.identityType().identityType());
        view.put("sourceIdentity", source);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", entry.targetId());
        target.put("displayName", entry.targetDisplayName());
        target.put("identityType", entry.identityType().identityType());
        view.put("targetIdentity", target);
        view.put("provisioningStatusInfo", Map.of("status", entry.status()));
        view.put("modifiedProperties", entry.modifiedProperties());
        return view;
    }
}
