package dev.steward.directory.common.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Graph's JSON conventions: {@code @odata.context}, {@code $select}, dates to the second. */
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
}
