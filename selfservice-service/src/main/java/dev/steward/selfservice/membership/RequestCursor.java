package dev.steward.selfservice.membership;

import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of requests ends, as an opaque {@code $skiptoken}: lists are ordered by creation time, then id,
 * so the next page starts strictly after the last request shown, however many requests arrive meanwhile.
 */
public record RequestCursor(Instant createdDateTime, String id) {

    public String toSkipToken() {
        return GraphPage.skipToken(createdDateTime + "|" + id);
    }

    /** Null when there is no token. @throws MembershipRequestRefused for a token this service did not issue */
    public static RequestCursor fromSkipToken(String token) {
        try {
            String text = GraphPage.cursor(token);
            if (text == null) {
                return null;
            }
            int bar = text.indexOf('|');
            if (bar < 1 || bar == text.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            return new RequestCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (GraphException | IllegalArgumentException | DateTimeParseException e) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The $skiptoken is not valid.");
        }
    }
}
