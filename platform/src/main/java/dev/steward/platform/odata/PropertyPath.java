package dev.steward.platform.odata;

import java.util.List;

/**
 * A property of the resource, such as {@code displayName} or {@code initiatedBy/user/id}. Inside a lambda
 * ({@code targetResources/any(t: t/id eq '1')}) the path is relative to the lambda's element: {@code t/id} has the
 * segments {@code [id]}, and the element itself ({@code c} in {@code groupTypes/any(c: c eq 'Unified')}) has none.
 *
 * @param text     the path as written, for messages
 * @param position zero-based offset in the expression
 */
public record PropertyPath(List<String> segments, String text, int position) {

    /** The name a {@link FilterSchema} declares for the element of a collection of primitives. */
    public static final String ELEMENT = "$this";

    public PropertyPath {
        segments = List.copyOf(segments);
    }

    /** The segments joined by {@code /}; {@value #ELEMENT} for a lambda's element itself. */
    public String name() {
        return segments.isEmpty() ? ELEMENT : String.join("/", segments);
    }
}
