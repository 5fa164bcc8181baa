package dev.steward.sync.cycle.web;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphJsonBodies;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import dev.steward.sync.access.ReadSynchronization;
import dev.steward.sync.access.RunSyncCycles;
import dev.steward.sync.cycle.CycleCounts;
import dev.steward.sync.cycle.CycleProgress;
import dev.steward.sync.cycle.CycleQueueFullException;
import dev.steward.sync.cycle.CycleTrigger;
import dev.steward.sync.cycle.PolicyType;
import dev.steward.sync.cycle.SyncCycle;
import dev.steward.sync.cycle.SyncCycleRunner;
import dev.steward.sync.cycle.SyncCycles;
import dev.steward.sync.support.Sequenced;
import dev.steward.sync.web.GraphCollections;
import dev.steward.sync.web.Views;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sync cycles on demand ({@code Start-ADSyncSyncCycle -PolicyType Delta|Initial}) and their progress.
 * The caller is authorised before the body is read.
 */
@RestController
@RequestMapping(path = "/sync/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
public class SyncCycleController {

    private final SyncCycleRunner runner;
    private final SyncCycles cycles;
    private final JsonMapper json;

    public SyncCycleController(SyncCycleRunner runner, SyncCycles cycles, JsonMapper json) {
        this.runner = runner;
        this.cycles = cycles;
        this.json = GraphJsonBodies.strict(json);
    }

    /**
     * {@code {"policyType": "Delta" | "Initial"}}; no body or no policyType means Delta. 202 with the queued cycle. A
     * body that is not {@code application/json} is a 415; another property, or one named twice, is a 400.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) String body) {
        Caller caller = Callers.current();
        RunSyncCycles.check(caller);
        PolicyType policyType = policyType(body);
        SyncCycle cycle;
        try {
            cycle = runner.request(policyType, CycleTrigger.ON_DEMAND, caller.toInitiator());
        } catch (CycleQueueFullException e) {
            throw new GraphException(HttpStatus.CONFLICT, "Request_Conflict", e.getMessage());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(cycle.id()).toUri();
        return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
                .body(entity(cycle));
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        ReadSynchronization.check(Callers.current());
        return cycles.find(id).map(SyncCycleController::entity).orElseThrow(() -> GraphException.notFound(id));
    }

    /** Newest first. */
    @GetMapping
    public Map<String, Object> list(@RequestParam(name = "$top", required = false) String top,
                                    @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                    HttpServletRequest request) {
        ReadSynchronization.check(Callers.current());
        int limit = GraphPage.top(top);
        List<Sequenced<SyncCycle>> fetched = cycles.page(GraphCollections.sequence(skipToken),
                KeysetPage.fetchSize(limit));
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(fetched, limit, last -> Long.toString(last.seq()))
                .map(s -> view(s.value()));
        return GraphCollections.collection(request, "cycles", page.rows(), page.next());
    }

    private PolicyType policyType(String body) {
        if (body == null || body.isBlank()) {
            return PolicyType.DELTA;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw GraphException.badRequest("The request body is missing or is not valid JSON for this operation.");
        }
        if (node == null || !node.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object such as {\"policyType\":\"Delta\"}.");
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("policyType") && !name.contains("@")) {
                throw GraphException.badRequest("Property '" + name + "' does not exist on this resource.");
            }
        }
        JsonNode policy = node.get("policyType");
        if (policy == null || policy.isNull()) {
            return PolicyType.DELTA;
        }
        if (!policy.isString()) {
            throw GraphException.badRequest("Invalid policyType: use \"Delta\" or \"Initial\".");
        }
        return PolicyType.parse(policy.asString()).orElseThrow(() -> GraphException.badRequest(
                "Invalid policyType '" + policy.asString() + "': use \"Delta\" or \"Initial\"."));
    }

    /** A cycle as an entity body, as {@code POST /sync/cycles} answers it. */
    public static Map<String, Object> entity(SyncCycle cycle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphCollections.context("cycles/$entity"));
        body.putAll(view(cycle));
        return body;
    }

    static Map<String, Object> view(SyncCycle cycle) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", cycle.id());
        view.put("policyType", cycle.policyType().wireName());
        view.put("status", cycle.status().wireName());
        view.put("trigger", cycle.trigger().wireName());
        view.put("requestedDateTime", cycle.requestedAt());
        view.put("startedDateTime", cycle.startedAt());
        view.put("completedDateTime", cycle.completedAt());
        CycleCounts counts = cycle.counts();
        Map<String, Object> countView = new LinkedHashMap<>();
        countView.put("added", counts.added());
        countView.put("updated", counts.updated());
        countView.put("unchanged", counts.unchanged());
        countView.put("skipped", counts.skipped());
        countView.put("failed", counts.failed());
        view.put("counts", countView);
        view.put("error", cycle.error());
        view.put("initiatedBy", Views.initiatedBy(cycle.initiator()));
        view.put("progress", progress(cycle));
        return view;
    }

    /** Phase, objects processed of the total, the rate since the cycle started, failures; null before any. */
    private static Map<String, Object> progress(SyncCycle cycle) {
        CycleProgress progress = cycle.progress();
        if (progress == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phase", progress.phase());
        view.put("objectsProcessed", progress.processed());
        view.put("objectsTotal", progress.total());
        double seconds = cycle.startedAt() == null ? 0
                : Math.max(0, java.time.Duration.between(cycle.startedAt(), progress.updatedAt()).toMillis()) / 1000.0;
        view.put("objectsPerSecond", seconds == 0 ? null : Math.round(progress.processed() / seconds * 10) / 10.0);
        view.put("errors", progress.errors());
        view.put("updatedDateTime", progress.updatedAt());
        return view;
    }
}
