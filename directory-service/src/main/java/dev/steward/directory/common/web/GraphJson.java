package dev.steward.directory.common.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Graph's JSON conventions: {@code @odata.context}, collections with paging links, dates to the second. */
public final class GraphJson {

    private GraphJson() {
    }

    /** {@code 2026-01-01T10:00:00Z}: UTC, whole seconds, as Graph writes date-times. */
    public static String dateTime(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code <scheme>://<host>/<version>/$metadata#<fragment>} for the current request. */
    public static String context(String version, String fragment) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/" + version + "/$metadata")
                .build().toUriString() + "#" + fragment;
    }

    /** Keeps only the {@code $select}ed properties (all when none are selected); annotations always stay. */
    public static Map<String, Object> select(Map<String, Object> entity, Set<String> select) {
        if (select.isEmpty()) {
            return entity;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        entity.forEach((name, value) -> {
            if (name.startsWith("@odata.") || select.contains(name)) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    /** A collection page; {@code nextSkipToken} null on the last page, {@code count} null unless asked for. */
    public static Map<String, Object> collection(String context, List<Map<String, Object>> items, Long count,
                                                 String nextSkipToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context);
        if (count != null) {
            body.put("@odata.count", count);
        }
        body.put("value", items);
        if (nextSkipToken != null) {
            body.put("@odata.nextLink", ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("$skiptoken", nextSkipToken).build().toUriString());
        }
        return body;
    }
}
