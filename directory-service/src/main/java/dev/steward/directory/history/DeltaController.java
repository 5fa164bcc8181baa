package dev.steward.directory.history;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.group.web.GroupRepresentation;
import dev.steward.directory.history.DeltaCursor.Phase;
import dev.steward.directory.history.DeltaCursor.Resource;
import dev.steward.directory.policy.GroupMembershipReadPolicy;
import dev.steward.directory.policy.GroupReadPolicy;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.web.UserRepresentation;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Graph's delta queries: {@code GET /groups/delta()} and {@code GET /users/delta()} (also without the parentheses,
 * under {@code /v1.0} and {@code /beta}). The first round lists every object and ends with a
 * {@code @odata.deltaLink}; following it answers what changed since. Options: {@code $select} and {@code $top} on
 * the first request (the tokens keep them), {@code $deltatoken=latest} for a deltaLink without a first round.
 */
@RestController
class DeltaController {

    static final String DELTA_TOKEN = "$deltatoken";
    private static final Set<String> OPTIONS = Set.of("$select", "$top", GraphPage.SKIP_TOKEN, DELTA_TOKEN);

    private final DeltaQueries deltas;
    private final DeltaTokens tokens;

    DeltaController(DeltaQueries deltas,
                    @Value("${steward.directory.delta.token-key:steward-directory-delta}") String tokenKey) {
        this.deltas = deltas;
        this.tokens = new DeltaTokens(tokenKey);
    }

    @GetMapping(path = {"/v1.0/groups/delta()", "/beta/groups/delta()", "/v1.0/groups/delta", "/beta/groups/delta"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> groups(@RequestParam Map<String, String> parameters,
                                               HttpServletRequest request) {
        Caller caller = Callers.current();
        GroupReadPolicy.check(caller);
        DeltaCursor cursor = cursor(Resource.GROUPS, parameters);
        checkGroupSelect(cursor.select());
        if (cursor.tracksMembers()) {
            GroupMembershipReadPolicy.check(caller);
        }
        return answer(cursor, "groups", request);
    }

    @GetMapping(path = {"/v1.0/users/delta()", "/beta/users/delta()", "/v1.0/users/delta", "/beta/users/delta"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> users(@RequestParam Map<String, String> parameters,
                                              HttpServletRequest request) {
        UserReadPolicy.check(Callers.current());
        DeltaCursor cursor = cursor(Resource.USERS, parameters);
        UserRepresentation.checkSelect(new LinkedHashSet<>(cursor.select()));
        return answer(cursor, "users", request);
    }

    private DeltaCursor cursor(Resource resource, Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("$") && !OPTIONS.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                        "The query option '" + name + "' is not supported with delta.");
            }
        }
        String skipToken = parameters.get(GraphPage.SKIP_TOKEN);
        String deltaToken = parameters.get(DELTA_TOKEN);
        if (skipToken != null && deltaToken != null) {
            throw DeltaTokens.invalid();
        }
        if (skipToken != null) {
            return tokens.decode(skipToken, resource, Set.of(Phase.INITIAL, Phase.CHANGES));
        }
        if (deltaToken != null && !deltaToken.equalsIgnoreCase("latest")) {
            return tokens.decode(deltaToken, resource, Set.of(Phase.DELTA));
        }
        int top = top(parameters.get("$top"));
        List<String> select = new ArrayList<>(CollectionQuery.select(parameters.get("$select")));
        long position = deltas.position();
        return deltaToken != null ? DeltaCursor.delta(resource, position, top, select)
                : DeltaCursor.initial(resource, position, top, select);
    }

    private ResponseEntity<Map<String, Object>> answer(DeltaCursor cursor, String collection,
                                                       HttpServletRequest request) {
        boolean latest = cursor.phase() == Phase.DELTA && "latest".equalsIgnoreCase(request.getParameter(DELTA_TOKEN));
        DeltaPage page = latest ? new DeltaPage(List.of(), cursor) : deltas.page(cursor);
        String token = tokens.encode(page.next());
        Map<String, Object> body = GraphPage.collection(GraphJson.context(version(request), collection), page.value(),
                null, page.last() ? null : link(request, GraphPage.SKIP_TOKEN, token));
        if (page.last()) {
            body.put("@odata.deltaLink", link(request, DELTA_TOKEN, token));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** {@code members} is what asks for {@code members@delta}; every other name must be a group property. */
    private static void checkGroupSelect(List<String> select) {
        Set<String> properties = new LinkedHashSet<>(select);
        properties.remove(DeltaQueries.MEMBERS);
        GroupRepresentation.checkSelect(properties);
    }

    private static int top(String value) {
        try {
            return GraphPage.top(value);
        } catch (GraphException e) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    /** The request's own URL (as called: {@code delta()} or {@code delta}) with only the token as query. */
    private static String link(HttpServletRequest request, String name, String token) {
        return ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).queryParam(name, token)
                .build().toUriString();
    }

    static String version(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                ? "beta" : "v1.0";
    }
}
