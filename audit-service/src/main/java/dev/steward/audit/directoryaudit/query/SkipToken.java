package dev.steward.audit.directoryaudit.query;

import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where the next page starts: after the entry at {@code activityDateTime} with {@code id}, in {@code order}.
 * Clients see it only as an opaque {@code $skiptoken}; keyset paging keeps pages stable while entries arrive.
 */
public record SkipToken(SortOrder order, Instant activityDateTime, String id) {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\n';

    public String encode() {
        String raw = VERSION + SEPARATOR + order.name() + SEPARATOR + activityDateTime + SEPARATOR + id;
        return GraphPage.skipToken(raw);
    }

    /** Reads a token made by {@link #encode()}; anything else is a 400. */
    public static SkipToken decode(String token) {
        try {
            String raw = GraphPage.cursor(token);
            String[] parts = raw == null ? new String[0] : raw.split(String.valueOf(SEPARATOR), 4);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
                throw invalid();
            }
            return new SkipToken(SortOrder.valueOf(parts[1]), Instant.parse(parts[2]), parts[3]);
        } catch (GraphException | IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return QueryErrors.badRequest("The $skiptoken is not valid. Use the @odata.nextLink of a previous page as it is.");
    }
}
