package dev.steward.audit.directoryaudit.export;

import dev.steward.audit.directoryaudit.query.QueryErrors;
import java.util.Locale;

/** The formats of an export: JSON Lines (each entry as Graph serves it, one per line) or CSV (one row per entry). */
public enum ExportFormat {

    JSONL("application/jsonl", "jsonl"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code jsonl} (the default when absent) or {@code csv}; anything else is a 400. */
    public static ExportFormat parse(String value) {
        if (value == null) {
            return JSONL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl" -> JSONL;
            case "csv" -> CSV;
            default -> throw QueryErrors.badRequest("Invalid export format: use format=jsonl or format=csv.");
        };
    }
}
