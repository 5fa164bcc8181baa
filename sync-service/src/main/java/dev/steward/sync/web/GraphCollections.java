package dev.steward.sync.web;

import dev.steward.platform.web.GraphException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Graph's collection conventions: {@code $top} (default 100, at most 999), an opaque {@code $skiptoken} and
 * {@code {"@odata.context", "value", "@odata.nextLink"}}.
 */
public final class GraphCollections {

    public static final int DEFAULT_TOP = 100;
    public static final int MAX_TOP = 999;
    private static final String TOKEN_PREFIX = "steward:";

    private GraphCollections() {
    }

    public static int top(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(raw.trim());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GraphException.badRequest("Invalid value '" + raw + "' for $top: use a whole number from 1 to " + MAX_TOP + ".");
    }

    public static String skipToken(String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a {@code $skiptoken} stands for; null when there is none. */
    public static String position(String skipToken) {
        if (skipToken == null || skipToken.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(skipToken.trim()), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX) && decoded.length() > TOKEN_PREFIX.length()) {
                return decoded.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw GraphException.badRequest("The $skiptoken is not valid; use the @odata.nextLink of a previous page.");
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
            throw GraphException.badRequest("The $skiptoken is not valid; use the @odata.nextLink of a previous page.");
        }
    }

    public static String context(String fragment) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/sync/$metadata#" + fragment;
    }

    /** The collection body; {@code nextPosition} non-null adds an {@code @odata.nextLink} to the following page. */
    public static Map<String, Object> collection(HttpServletRequest request, String fragment, List<?> values,
                                                 String nextPosition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context(fragment));
        body.put("value", values);
        if (nextPosition != null) {
            body.put("@odata.nextLink", nextLink(request, skipToken(nextPosition)));
        }
        return body;
    }

    private static String nextLink(HttpServletRequest request, String token) {
        StringBuilder url = new StringBuilder(request.getRequestURL());
        char separator = '?';
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals("$skiptoken")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                url.append(separator).append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.append(separator).append("$skiptoken=").append(token).toString();
    }
}
