package dev.steward.sync.writeback.web;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import dev.steward.sync.access.ReadSynchronization;
import dev.steward.sync.access.RunSyncCycles;
import dev.steward.sync.web.GraphCollections;
import dev.steward.sync.writeback.DriftReport;
import dev.steward.sync.writeback.WriteBackAnnouncer;
import dev.steward.sync.writeback.WriteBackGroup;
import dev.steward.sync.writeback.WriteBackStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Write-back's state over HTTP: drift reports (read as the sync engine's other state), their resolution (as starting
 * a sync cycle), and each group's write-back status.
 */
@RestController
@RequestMapping(path = "/sync/writeback", produces = MediaType.APPLICATION_JSON_VALUE)
public class WriteBackController {

    private static final Logger log = LoggerFactory.getLogger(WriteBackController.class);
    private static final Pattern GROUP_ID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final WriteBackStore store;
    private final WriteBackAnnouncer announcer;

    public WriteBackController(WriteBackStore store, WriteBackAnnouncer announcer) {
        this.store = store;
        this.announcer = announcer;
    }

    /** Drift reports, newest first; {@code ?status=Open} for those still holding their group. */
    @GetMapping("/drift")
    public Map<String, Object> drift(@RequestParam(name = "status", required = false) String status,
                                     @RequestParam(name = "$top", required = false) String top,
                                     @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                     HttpServletRequest request) {
        ReadSynchronization.check(Callers.current());
        boolean openOnly;
        if (status == null || status.isBlank()) {
            openOnly = false;
        } else if (status.equalsIgnoreCase("Open")) {
            openOnly = true;
        } else {
            throw GraphException.badRequest("status must be Open when given.");
        }
        int limit = GraphPage.top(top);
        List<DriftReport> fetched = store.drifts(openOnly, GraphCollections.sequence(skipToken),
                KeysetPage.fetchSize(limit));
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(fetched, limit, last -> Long.toString(last.seq()))
                .map(WriteBackController::view);
        return GraphCollections.collection(request, "writebackDrift", page.rows(), page.next());
    }

    /**
     * Resolves the group's open drift: the cloud wins, and the next write-back run writes the cloud's members and
     * values over AD's. 204; 404 when the group has no open drift.
     */
    @PostMapping("/drift/{groupId}/resolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void resolve(@PathVariable String groupId) {
        Caller caller = Callers.current();
        RunSyncCycles.check(caller);
        String by = caller.isDelegated()
                ? (caller.userPrincipalName() != null ? caller.userPrincipalName() : caller.userId())
                : "app " + caller.appId();
        String displayName = isGroupId(groupId) ? store.find(groupId).map(WriteBackGroup::displayName).orElse(null)
                : null;
        if (!isGroupId(groupId) || !announcer.resolved(groupId, displayName, by, caller.toInitiator(),
                () -> store.resolveDrift(groupId, by))) {
            throw GraphException.notFound(groupId);
        }
        log.info("drift of group {} resolved by {}: the next write-back run writes the cloud's state over AD's", groupId, by);
    }

    /** One group's write-back state, by cloud group id. */
    @GetMapping("/groups/{groupId}")
    public Map<String, Object> group(@PathVariable String groupId) {
        ReadSynchronization.check(Callers.current());
        WriteBackGroup group = (isGroupId(groupId) ? store.find(groupId) : Optional.<WriteBackGroup>empty())
                .orElseThrow(() -> GraphException.notFound(groupId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphCollections.context("writebackGroups/$entity"));
        body.put("id", group.groupId());
        body.put("displayName", group.displayName());
        body.put("origin", group.cloudNative() ? "cloud" : "sourceOfAuthorityConverted");
        body.put("status", group.status().toString());
        body.put("lastError", group.lastError());
        body.put("attempts", group.attempts());
        body.put("objectGuid", group.adObjectGuid());
        body.put("distinguishedName", group.adDn());
        body.put("membersNotWritten", group.membersSkipped());
        body.put("lastAttemptDateTime", group.lastAttemptAt());
        body.put("lastWrittenDateTime", group.lastWrittenAt());
        return body;
    }

    /** Cloud group ids are GUIDs; anything else names no group (and never reaches the database). */
    private static boolean isGroupId(String id) {
        return id != null && id.length() == 36 && GROUP_ID.matcher(id).matches();
    }

    static Map<String, Object> view(DriftReport drift) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", drift.id());
        view.put("groupId", drift.groupId());
        view.put("displayName", drift.displayName());
        view.put("distinguishedName", drift.distinguishedName());
        view.put("detectedDateTime", drift.detectedAt());
        view.put("membersAddedInAd", drift.membersAddedInAd());
        view.put("membersRemovedInAd", drift.membersRemovedInAd());
        view.put("changedAttributes", drift.changedAttributes());
        view.put("status", drift.status());
        view.put("resolvedDateTime", drift.resolvedAt());
        view.put("resolvedBy", drift.resolvedBy());
        return view;
    }
}
