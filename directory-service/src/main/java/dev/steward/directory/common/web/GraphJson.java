package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Graph's JSON conventions: {@code @odata.context}, {@code $select}, dates to the second, request bodies. */
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

    /** A request body's properties, without instance annotations such as {@code @odata.type}; not an object is a 400. */
    public static Map<String, JsonNode> properties(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "The request body must be a JSON object.");
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        body.properties().forEach(entry -> {
            if (!entry.getKey().startsWith("@odata.")) {
                properties.put(entry.getKey(), entry.getValue());
            }
        });
        return properties;
    }
}
