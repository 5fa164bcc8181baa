package dev.steward.audit.directoryaudit.web;

import dev.steward.audit.directoryaudit.export.AuditExporter;
import dev.steward.audit.directoryaudit.export.ExportFormat;
import dev.steward.audit.directoryaudit.query.QueryErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.query.AuditQuery;
import dev.steward.audit.directoryaudit.query.DirectoryAuditReader;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code GET /v1.0/auditLogs/directoryAudits} and {@code GET /v1.0/auditLogs/directoryAudits/{id}}, and
 * Steward's {@code GET /v1.0/auditLogs/directoryAudits/export}.
 */
@RestController
@RequestMapping(path = DirectoryAuditController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class DirectoryAuditController {

    static final String PATH = "/v1.0/auditLogs/directoryAudits";
    private static final String METADATA = "/v1.0/$metadata#auditLogs/directoryAudits";

    static final String EXPORT_FORMAT = "format";
    private static final Set<String> NOT_ON_EXPORTS = Set.of("$top", "$count");

    private final DirectoryAuditReader reader;
    private final AuditLogReadPolicy policy;
    private final AuditExporter exporter;

    public DirectoryAuditController(DirectoryAuditReader reader, AuditLogReadPolicy policy, AuditExporter exporter) {
        this.reader = reader;
        this.policy = policy;
        this.exporter = exporter;
    }

    @GetMapping
    public Map<String, Object> list(HttpServletRequest request) {
        policy.check(Callers.current());
        AuditQuery query = AuditQuery.parse(parameters(request));
        DirectoryAuditReader.Page page = reader.find(query);
        String next = page.next() == null ? null : nextLink(request, query, page.next().encode());
        return GraphPage.collection(root(request) + METADATA, page.entries().stream().map(AuditJson::tree).toList(),
                page.count(), next);
    }

    /**
     * Every entry the {@code $filter} matches (all without one), in {@code $orderby} order (newest first unless
     * {@code activityDateTime asc}), streamed as {@code format=jsonl} (default) or {@code format=csv}. Authorised like
     * the list; {@code $top}, {@code $count} and {@code $skiptoken} do not apply to an export.
     */
    @GetMapping(path = "/export", produces = {"application/jsonl", "text/csv", MediaType.APPLICATION_JSON_VALUE})
    public void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        policy.check(Callers.current());
        Map<String, List<String>> parameters = parameters(request);
        List<String> formats = parameters.remove(EXPORT_FORMAT);
        if (formats != null && formats.size() > 1) {
            throw QueryErrors.badRequest("Query option 'format' was specified more than once.");
        }
        ExportFormat format = ExportFormat.parse(formats == null ? null : formats.get(0));
        AuditQuery query = AuditQuery.parse(parameters);
        for (String option : query.options().keySet()) {
            if (NOT_ON_EXPORTS.contains(option)) {
                throw QueryErrors.unsupported("Query option '" + option + "' does not apply to an export: it "
                        + "streams every entry the $filter matches.");
            }
        }
        if (query.skipToken() != null) {
            throw QueryErrors.unsupported("Query option '$skiptoken' does not apply to an export: it streams every "
                    + "entry the $filter matches.");
        }
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"directoryAudits." + format.extension()
                + "\"");
        exporter.export(query.filter(), query.order(), format, response.getOutputStream());
    }

    @GetMapping("/{id}")
    public JsonNode get(@PathVariable String id, HttpServletRequest request) {
        policy.check(Callers.current());
        String json = reader.findById(id).orElseThrow(() -> GraphException.notFound(id));
        ObjectNode entity = JsonNodeFactory.instance.objectNode();
        entity.put("@odata.context", root(request) + METADATA + "/$entity");
        entity.setAll((ObjectNode) AuditJson.tree(json));
        return entity;
    }

    /** The request's parameters; a parameter given without a value counts as an empty value. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    /** Scheme, host and port the client used, e.g. {@code http://127.0.0.1:8083}. */
    private static String root(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }

    /** The same query options, as {@link AuditQuery} normalised them, with the next page's {@code $skiptoken}. */
    private static String nextLink(HttpServletRequest request, AuditQuery query, String skipToken) {
        Map<String, String> options = new LinkedHashMap<>(query.options());
        options.put("$skiptoken", skipToken);
        String queryString = options.entrySet().stream()
                .map(option -> option.getKey() + "=" + encode(option.getValue()))
                .collect(Collectors.joining("&"));
        return root(request) + PATH + "?" + queryString;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
