package dev.steward.audit.directoryaudit.model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of audit entries as stored and served: ISO-8601 instants, nulls written (Graph writes them), the
 * Graph property order.
 */
public final class AuditJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AuditJson() {
    }

    public static String write(DirectoryAudit entry) {
        return MAPPER.writeValueAsString(entry);
    }

    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    /** A value as the JSON text Graph puts into {@code oldValue}/{@code newValue}; null stays null. */
    public static String text(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }
}
