package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphCollections;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.query.UserFilter;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Graph's user resource, read by id or by userPrincipalName. */
@RestController
class UserController {

    private final UserReadModel users;

    UserController(UserReadModel users) {
        this.users = users;
    }

    @GetMapping(path = {"/v1.0/users", "/beta/users"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> list(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        UserReadPolicy.check(Callers.current());
        CollectionQuery query = CollectionQuery.parse(parameters, UserFilter.SORTABLE);
        Set<String> select = checkSelect(query.select());
        KeysetPage<Map<String, Object>, String> page = KeysetPage.of(users.page(query), query.top(),
                last -> GraphPage.nextLink(request,
                        query.skipTokenAfter(last.getId(), UserFilter.sortKey(last, query.orderBy()))))
                .map(user -> GraphJson.select(UserRepresentation.of(user), select));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(GraphPage.collection(
                GraphJson.context(version(request), "users"), page.rows(), query.count() ? users.count(query) : null,
                page.next()));
    }

    /** {@code GET /users/$count}: how many users match {@code $filter}, as text; needs {@code ConsistencyLevel}. */
    @GetMapping(path = {"/v1.0/users/$count", "/beta/users/$count"})
    ResponseEntity<String> count(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        UserReadPolicy.check(Callers.current());
        CollectionQuery query = GraphCollections.countQuery(parameters);
        return GraphCollections.count(request, () -> users.count(query));
    }

    @GetMapping(path = {"/v1.0/users/{id}", "/beta/users/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id,
                                            @RequestParam(name = "$select", required = false) String selectParameter,
                                            HttpServletRequest request) {
        UserReadPolicy.check(Callers.current());
        Set<String> select = checkSelect(CollectionQuery.select(selectParameter));
        UserView user = users.findByIdOrPrincipalName(id)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context(version(request), "users/$entity"));
        body.putAll(GraphJson.select(UserRepresentation.of(user), select));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String version(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                ? "beta" : "v1.0";
    }

    private static Set<String> checkSelect(Set<String> select) {
        return UserRepresentation.checkSelect(select);
    }
}
