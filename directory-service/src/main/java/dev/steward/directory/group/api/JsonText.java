package dev.steward.directory.group.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the simple values of directory properties as JSON text, as audit logs show old and new values. */
public final class JsonText {

    private JsonText() {
    }

    /** JSON text of a string, boolean, number, instant, or a collection or map (an object) of those; null for null. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        return render(value);
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(JsonText::render).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> object) {
            return object.entrySet().stream()
                    .map(entry -> quote(String.valueOf(entry.getKey())) + ":" + render(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Instant instant) {
            return quote(instant.toString());
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
