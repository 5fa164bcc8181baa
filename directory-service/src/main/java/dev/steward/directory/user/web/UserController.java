package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SecurityIdentifiers;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.query.UserReadModel;
import dev.steward.directory.user.query.UserView;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Graph's user resource, read-only: users come from AD through the sync engine. */
@RestController
class UserController {

    private static final Set<String> PROPERTIES = Set.of("id", "createdDateTime", "displayName", "mail",
            "onPremisesDistinguishedName", "onPremisesImmutableId", "onPremisesLastSyncDateTime",
            "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "userPrincipalName");

    private final UserReadModel users;

    UserController(UserReadModel users) {
        this.users = users;
    }

    @GetMapping(path = "/v1.0/users", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> list(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        UserReadPolicy.check(Callers.current());
        CollectionQuery query = CollectionQuery.parse(parameters);
        Set<String> select = checkSelect(query.select());
        List<UserView> page = users.page(query);
        boolean more = page.size() > query.top();
        List<UserView> shown = more ? page.subList(0, query.top()) : page;
        List<Map<String, Object>> items = shown.stream().map(user -> GraphJson.select(json(user), select)).toList();
        String next = more
                ? GraphPage.nextLink(request, GraphPage.skipToken(shown.get(shown.size() - 1).getId())) : null;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(GraphPage.collection(
                GraphJson.context("v1.0", "users"), items, query.count() ? users.count(query) : null, next));
    }

    @GetMapping(path = "/v1.0/users/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id,
                                            @RequestParam(name = "$select", required = false) String selectParameter) {
        UserReadPolicy.check(Callers.current());
        Set<String> select = checkSelect(CollectionQuery.select(selectParameter));
        users.awaitProjected(id);
        UserView user = users.find(id)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context("v1.0", "users/$entity"));
        body.putAll(GraphJson.select(json(user), select));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static Map<String, Object> json(UserView user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.getId());
        json.put("createdDateTime", GraphJson.dateTime(user.getCreatedDateTime()));
        json.put("displayName", user.getDisplayName());
        json.put("mail", user.getMail());
        json.put("onPremisesDistinguishedName", user.getOnPremisesDistinguishedName());
        json.put("onPremisesImmutableId", immutableId(user.getOnPremisesAnchor()));
        json.put("onPremisesLastSyncDateTime", GraphJson.dateTime(user.getOnPremisesLastSyncDateTime()));
        json.put("onPremisesSamAccountName", user.getOnPremisesSamAccountName());
        json.put("onPremisesSecurityIdentifier", user.getOnPremisesSecurityIdentifier());
        json.put("onPremisesSyncEnabled", true);
        json.put("userPrincipalName", user.getUserPrincipalName());
        return json;
    }

    /** As Entra shows it: the objectGUID's bytes in Windows order, base64. */
    private static String immutableId(String anchor) {
        return anchor == null ? null
                : Base64.getEncoder().encodeToString(SecurityIdentifiers.windowsGuidBytes(UUID.fromString(anchor)));
    }

    private static Set<String> checkSelect(Set<String> select) {
        for (String name : select) {
            if (!PROPERTIES.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "Could not find a property named '" + name + "' on type 'microsoft.graph.user'.");
            }
        }
        return select;
    }
}
