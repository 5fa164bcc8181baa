package dev.steward.directory.history;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.ObjectIds;
import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.GraphCollections;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.group.web.DirectoryObjectItems;
import dev.steward.directory.group.web.GroupRepresentation;
import dev.steward.directory.history.GroupHistory.GroupAsOf;
import dev.steward.directory.policy.GroupMembershipReadPolicy;
import dev.steward.directory.policy.GroupReadPolicy;
import dev.steward.platform.security.Callers;
import dev.steward.platform.web.KeysetPage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group as it was at an instant, beyond Graph: {@code GET /groups/{id}?$asOf=<RFC 3339 instant>}, and its
 * {@code members} and {@code owners} with {@code $asOf}. Only requests that carry {@code $asOf} come here (a
 * request-parameter condition), so the normal reads stay on the read models untouched. Members are shown with their
 * current properties, or only id and type when they no longer exist.
 */
@RestController
class TimeTravelController {

    static final String AS_OF = "$asOf";

    private final GroupHistory history;
    private final DirectoryObjectItems items;

    TimeTravelController(GroupHistory history, DirectoryObjectItems items) {
        this.history = history;
        this.items = items;
    }

    @GetMapping(path = {"/v1.0/groups/{id}", "/beta/groups/{id}"}, params = AS_OF,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> group(@PathVariable String id, @RequestParam(AS_OF) String asOf,
                                              @RequestParam(name = "$select", required = false) String select,
                                              HttpServletRequest request) {
        GroupReadPolicy.check(Callers.current());
        Set<String> selected = GroupRepresentation.checkSelect(CollectionQuery.select(select));
        GroupAsOf group = find(id, asOf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", GraphJson.context(DeltaController.version(request), selected.isEmpty()
                ? "groups/$entity" : "groups(" + String.join(",", selected) + ")/$entity"));
        body.putAll(GraphJson.select(GroupRepresentation.of(GroupView.detached(group.state(), 0)), selected));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping(path = {"/v1.0/groups/{id}/members", "/beta/groups/{id}/members"}, params = AS_OF,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> members(@PathVariable String id, @RequestParam Map<String, String> parameters,
                                                HttpServletRequest request) {
        GroupMembershipReadPolicy.check(Callers.current());
        CollectionQuery query = GraphCollections.navigationQuery(withoutAsOf(parameters));
        GroupAsOf group = find(id, parameters.get(AS_OF));
        Map<String, ?> after = query.afterId() == null ? group.members()
                : group.members().tailMap(query.afterId(), false);
        List<MemberRef> rows = after.keySet().stream().limit(KeysetPage.fetchSize(query.top()))
                .map(member -> new MemberRef(member, group.members().get(member))).toList();
        return GraphCollections.page(query, request, context(request), rows, MemberRef::id,
                page -> items.of(page, query.select()), () -> group.members().size());
    }

    @GetMapping(path = {"/v1.0/groups/{id}/owners", "/beta/groups/{id}/owners"}, params = AS_OF,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> owners(@PathVariable String id, @RequestParam Map<String, String> parameters,
                                               HttpServletRequest request) {
        GroupMembershipReadPolicy.check(Callers.current());
        CollectionQuery query = GraphCollections.navigationQuery(withoutAsOf(parameters));
        GroupAsOf group = find(id, parameters.get(AS_OF));
        Stream<String> after = query.afterId() == null ? group.owners().stream()
                : group.owners().tailSet(query.afterId(), false).stream();
        List<String> rows = after.limit(KeysetPage.fetchSize(query.top())).toList();
        return GraphCollections.page(query, request, context(request), rows, owner -> owner,
                page -> items.users(page, query.select()), () -> group.owners().size());
    }

    private GroupAsOf find(String id, String asOf) {
        Instant instant = instant(asOf);
        return history.at(ObjectIds.normalize(id), instant)
                .orElseThrow(() -> new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND, id));
    }

    /**
     * An RFC 3339 date-time with an offset ({@code Z} or {@code +02:00}); a {@code +} sent unencoded arrives as a
     * space and is taken back.
     */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "Invalid value '" + text + "' for " + AS_OF
                    + ": use an RFC 3339 date-time such as 2026-01-01T10:00:00Z.");
        }
    }

    private static Map<String, String> withoutAsOf(Map<String, String> parameters) {
        Map<String, String> rest = new HashMap<>(parameters);
        rest.remove(AS_OF);
        return rest;
    }

    private static String context(HttpServletRequest request) {
        return GraphJson.context(DeltaController.version(request), "directoryObjects");
    }
}
