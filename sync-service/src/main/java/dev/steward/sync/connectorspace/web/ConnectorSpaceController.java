package dev.steward.sync.connectorspace.web;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import dev.steward.sync.access.ReadSynchronization;
import dev.steward.sync.access.RunSyncCycles;
import dev.steward.sync.connectorspace.ConnectorSpace;
import dev.steward.sync.connectorspace.ConnectorSpaceEntry;
import dev.steward.sync.cycle.CycleQueueFullException;
import dev.steward.sync.cycle.CycleTrigger;
import dev.steward.sync.cycle.PolicyType;
import dev.steward.sync.cycle.SyncCycle;
import dev.steward.sync.cycle.SyncCycleRunner;
import dev.steward.sync.cycle.web.SyncCycleController;
import dev.steward.sync.export.ExportedValues;
import dev.steward.sync.web.GraphCollections;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The connector space: what the sync engine last exported per object and whether it is blocked; and the on-demand
 * takeover of a group whose Source of Authority was rolled back to AD.
 */
@RestController
@RequestMapping(path = "/sync/connectorSpace", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConnectorSpaceController {

    private final ConnectorSpace connectorSpace;
    private final SyncCycleRunner runner;

    public ConnectorSpaceController(ConnectorSpace connectorSpace, SyncCycleRunner runner) {
        this.connectorSpace = connectorSpace;
        this.runner = runner;
    }

    /**
     * Completes a rollback at once (beyond Entra, which waits for the next scheduled cycle): for an entry awaiting
     * takeover, queues a Delta cycle, which exports the object's AD values. 202 with the cycle; 400 if the entry is
     * not awaiting a takeover; 409 if the queue is full.
     */
    @PostMapping("/{id}/takeOver")
    public ResponseEntity<Map<String, Object>> takeOver(@PathVariable String id) {
        Caller caller = Callers.current();
        RunSyncCycles.check(caller);
        ConnectorSpaceEntry entry = connectorSpace.findByCloudId(id).orElseThrow(() -> GraphException.notFound(id));
        if (!entry.pendingTakeover()) {
            throw GraphException.badRequest("The object '" + id + "' is not awaiting a takeover: "
                    + (entry.blockOnPremisesSync() ? "its Source of Authority is in the cloud."
                    : "its Source of Authority was not rolled back to Active Directory."));
        }
        SyncCycle cycle;
        try {
            cycle = runner.request(PolicyType.DELTA, CycleTrigger.ON_DEMAND, caller.toInitiator());
        } catch (CycleQueueFullException e) {
            throw new GraphException(HttpStatus.CONFLICT, "Request_Conflict", e.getMessage());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sync/cycles/{id}")
                .buildAndExpand(cycle.id()).toUri();
        return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
                .body(SyncCycleController.entity(cycle));
    }

    /** By cloud id (the id of the object in the directory). */
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        ReadSynchronization.check(Callers.current());
        ConnectorSpaceEntry entry = connectorSpace.findByCloudId(id).orElseThrow(() -> GraphException.notFound(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphCollections.context("connectorSpace/$entity"));
        body.putAll(view(entry));
        return body;
    }

    /** Ordered by cloud id. */
    @GetMapping
    public Map<String, Object> list(@RequestParam(name = "$top", required = false) String top,
                                    @RequestParam(name = "$skiptoken", required = false) String skipToken,
                                    HttpServletRequest request) {
        ReadSynchronization.check(Callers.current());
        int limit = GraphPage.top(top);
        List<ConnectorSpaceEntry> fetched = connectorSpace.page(GraphCollections.position(skipToken),
                KeysetPage.fetchSize(limit));
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(fetched, limit, ConnectorSpaceEntry::cloudId)
                .map(ConnectorSpaceController::view);
        return GraphCollections.collection(request, "connectorSpace", page.rows(), page.next());
    }

    static Map<String, Object> view(ConnectorSpaceEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.cloudId());
        view.put("anchor", entry.anchor());
        view.put("objectType", entry.objectType().wireName());
        view.put("distinguishedName", entry.distinguishedName());
        view.put("displayName", entry.displayName());
        view.put("blockOnPremisesSync", entry.blockOnPremisesSync());
        view.put("pendingTakeover", entry.pendingTakeover());
        view.put("sourceOfAuthorityChangedDateTime", entry.sourceOfAuthorityChangedAt());
        view.put("lastExportedDateTime", entry.exportedAt());
        view.put("lastCycleId", entry.lastCycleId());
        view.put("deletedInActiveDirectoryDateTime", entry.deletedInAdAt());
        view.put("exportedValues", entry.exportedValues() == null ? null : ExportedValues.parse(entry.exportedValues()));
        return view;
    }
}
