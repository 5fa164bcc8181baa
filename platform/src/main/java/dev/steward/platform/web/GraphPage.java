package dev.steward.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Graph's paging conventions for collections: {@code $top}, {@code $count}, an opaque {@code $skiptoken} carrying
 * a service's own cursor text, and the {@code @odata.context}/{@code @odata.count}/{@code @odata.nextLink}/
 * {@code value} envelope. Bad values are a 400 {@code Request_BadRequest}.
 */
public final class GraphPage {

    public static final int DEFAULT_TOP = 100;
    public static final int MAX_TOP = 999;
    public static final String SKIP_TOKEN = "$skiptoken";

    private GraphPage() {
    }

    /** {@code $top} from 1 to {@value #MAX_TOP}, {@value #DEFAULT_TOP} when absent. */
    public static int top(String value) {
        return top(value, DEFAULT_TOP, MAX_TOP);
    }

    /** {@code $top} from 1 to {@code max}; {@code defaultTop} when absent (null). */
    public static int top(String value, int defaultTop, int max) {
        if (value == null) {
            return defaultTop;
        }
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= max) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GraphException.badRequest("Invalid page size specified: '" + value + "'. Must be between 1 and " + max
                + " inclusive.");
    }

    /** {@code $count}: true or false in any case; false when absent (null). */
    public static boolean count(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw GraphException.badRequest("Invalid $count value '" + value + "': use true or false.");
    }

    /** The opaque {@code $skiptoken} for a cursor: its UTF-8 text, base64url without padding. */
    public static String skipToken(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a {@link #skipToken(String)} carries; null when there is none (null or empty). */
    public static String cursor(String skipToken) {
        if (skipToken == null || skipToken.isEmpty()) {
            return null;
        }
        try {
            String cursor = new String(Base64.getUrlDecoder().decode(skipToken.trim()), StandardCharsets.UTF_8);
            if (!cursor.isBlank()) {
                return cursor;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw GraphException.badRequest("The $skiptoken is not valid.");
    }

    /** The absolute URL of the request with its {@code $skiptoken} replaced by {@code skipToken}. */
    public static String nextLink(HttpServletRequest request, String skipToken) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam(SKIP_TOKEN, skipToken)
                .build().toUriString();
    }

    /** The collection body; {@code count} and {@code nextLink} are left out when null. */
    public static Map<String, Object> collection(String context, List<?> value, Long count, String nextLink) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context);
        if (count != null) {
            body.put("@odata.count", count);
        }
        if (nextLink != null) {
            body.put("@odata.nextLink", nextLink);
        }
        body.put("value", value);
        return body;
    }
}
