package dev.steward.selfservice.membership;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of requests ends, as an opaque {@code $skiptoken}: lists are ordered by creation time, then id,
 * so the next page starts strictly after the last request shown, however many requests arrive meanwhile.
 */
public record RequestCursor(Instant createdDateTime, String id) {

    public String toSkipToken() {
        String text = createdDateTime + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws MembershipRequestRefused for a token this service did not issue */
    public static RequestCursor fromSkipToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 1 || bar == text.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            return new RequestCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MembershipRequestRefused(RefusalReason.INVALID_REQUEST, "The $skiptoken is not valid.");
        }
    }
}
