package dev.steward.sync.web;

import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sync API's collections: {@link GraphPage} with a {@code steward:}-prefixed position as the
 * {@code $skiptoken}'s cursor and {@code /sync/$metadata} as the context.
 */
public final class GraphCollections {

    private static final String TOKEN_PREFIX = "steward:";

    private GraphCollections() {
    }

    public static String skipToken(String position) {
        return GraphPage.skipToken(TOKEN_PREFIX + position);
    }

    /** The position a {@code $skiptoken} stands for; null when there is none. */
    public static String position(String skipToken) {
        String cursor = GraphPage.cursor(skipToken);
        if (cursor == null) {
            return null;
        }
        if (cursor.startsWith(TOKEN_PREFIX) && cursor.length() > TOKEN_PREFIX.length()) {
            return cursor.substring(TOKEN_PREFIX.length());
        }
        throw invalidSkipToken();
    }

    /** A numeric position ({@code seq}) from a {@code $skiptoken}. */
    public static Long sequence(String skipToken) {
        String position = position(skipToken);
        if (position == null) {
            return null;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw invalidSkipToken();
        }
    }

    public static String context(String fragment) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/sync/$metadata#" + fragment;
    }

    /** The collection body; {@code nextPosition} non-null adds an {@code @odata.nextLink} to the following page. */
    public static Map<String, Object> collection(HttpServletRequest request, String fragment, List<?> values,
                                                 String nextPosition) {
        String nextLink = nextPosition == null ? null : GraphPage.nextLink(request, skipToken(nextPosition));
        return GraphPage.collection(context(fragment), values, null, nextLink);
    }

    private static GraphException invalidSkipToken() {
        return GraphException.badRequest("The $skiptoken is not valid.");
    }
}
