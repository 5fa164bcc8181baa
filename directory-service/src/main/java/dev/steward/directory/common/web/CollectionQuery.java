package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OData options of a Graph collection request: {@code $filter}, {@code $top} (default 100, at most 999),
 * {@code $skiptoken} (opaque: the last id of the previous page), {@code $count} and {@code $select}. Options the
 * directory does not answer ({@code $skip}, {@code $orderby}, {@code $expand}, {@code $search}) are a 400.
 */
public record CollectionQuery(List<FilterClause> filter, int top, String afterId, boolean count, Set<String> select) {

    public static final int DEFAULT_TOP = 100;
    public static final int MAX_TOP = 999;
    private static final Set<String> UNSUPPORTED = Set.of("$skip", "$orderby", "$expand", "$search", "$apply");

    public static CollectionQuery parse(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (UNSUPPORTED.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                        "The query option '" + name + "' is not supported.");
            }
        }
        return new CollectionQuery(
                FilterParser.parse(parameters.get("$filter")),
                top(parameters.get("$top")),
                parameters.containsKey("$skiptoken") ? decodeSkipToken(parameters.get("$skiptoken")) : null,
                count(parameters.get("$count")),
                select(parameters.get("$select")));
    }

    /** The property names of {@code $select}, in request order; empty when absent. */
    public static Set<String> select(String select) {
        if (select == null || select.isBlank()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(select.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    public static String skipTokenAfter(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeSkipToken(String token) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (id.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return id;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "The $skiptoken is not valid.");
        }
    }

    private static int top(String value) {
        if (value == null) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                "Invalid page size specified: '" + value + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
    }

    private static boolean count(String value) {
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "The $count value must be true or false.");
    }
}
