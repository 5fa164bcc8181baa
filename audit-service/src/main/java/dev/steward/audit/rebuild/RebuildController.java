package dev.steward.audit.rebuild;

import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Steward's {@code POST /v1.0/auditLogs/rebuild} (202 with the rebuild's {@code Location}) and
 * {@code GET /v1.0/auditLogs/rebuild/{id}} (its progress). Global Administrators only ({@link RebuildPolicy}).
 */
@RestController
@RequestMapping(path = RebuildController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class RebuildController {

    static final String PATH = "/v1.0/auditLogs/rebuild";

    private final ProjectionRebuilder rebuilder;
    private final RebuildPolicy policy;

    public RebuildController(ProjectionRebuilder rebuilder, RebuildPolicy policy) {
        this.rebuilder = rebuilder;
        this.policy = policy;
    }

    /**
     * Takes no options: no body or an empty JSON object. Anything else is refused (400), so a client that meant
     * something else is not taken as asking for a rebuild.
     */
    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) Map<String, Object> options,
                                                     HttpServletRequest request) {
        policy.check(Callers.current());
        boolean sentBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (options == null ? sentBody : !options.isEmpty()) {
            throw GraphException.badRequest("A rebuild takes no options; send no body or {}.");
        }
        Rebuild rebuild = rebuilder.start();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(rebuild.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(rebuild.json());
    }

    @GetMapping("/{id}")
    public Map<String, Object> progress(@PathVariable String id) {
        policy.check(Callers.current());
        return rebuilder.find(id).orElseThrow(() -> GraphException.notFound(id)).json();
    }
}
