package dev.steward.platform.odata;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A literal of a {@code $filter}.
 *
 * @param value    a {@link String} (quotes removed, {@code ''} unescaped), {@link BigDecimal}, {@link Boolean},
 *                 {@link UUID}, {@link OffsetDateTime}, or null for {@code null}
 * @param text     the literal as written, for messages
 * @param position zero-based offset in the expression
 */
public record Literal(Type type, Object value, String text, int position) {

    public enum Type { STRING, NUMBER, BOOLEAN, NULL, GUID, DATE_TIME }

    /** The literal in OData syntax, as {@link FilterExpression#text()} writes it. */
    public String odata() {
        return switch (type) {
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case NULL -> "null";
            default -> String.valueOf(value);
        };
    }
}
