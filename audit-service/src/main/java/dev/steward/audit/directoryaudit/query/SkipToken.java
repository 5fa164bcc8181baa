package dev.steward.audit.directoryaudit.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page starts: after the entry at {@code activityDateTime} with {@code id}, in {@code order}.
 * Clients see it only as an opaque {@code $skiptoken}; keyset paging keeps pages stable while entries arrive.
 */
public record SkipToken(SortOrder order, Instant activityDateTime, String id) {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\n';

    public String encode() {
        String raw = VERSION + SEPARATOR + order.name() + SEPARATOR + activityDateTime + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode()}; anything else is a 400. */
    public static SkipToken decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), 4);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
                throw invalid();
            }
            return new SkipToken(SortOrder.valueOf(parts[1]), Instant.parse(parts[2]), parts[3]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return QueryErrors.badRequest("The $skiptoken is not valid. Use the @odata.nextLink of a previous page as it is.");
    }
}
