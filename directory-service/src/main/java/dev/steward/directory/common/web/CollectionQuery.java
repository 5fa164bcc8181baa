package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.odata.FilterExpression;
import dev.steward.platform.odata.FilterParser;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The OData options of a Graph collection request: {@code $filter} (the platform's parser; properties are checked
 * when the read model translates it), {@code $top} (default 100, at most 999), {@code $orderby} on the properties
 * a collection can sort by, {@code $skiptoken} (opaque: a {@link PageCursor}), {@code $count} and {@code $select}.
 * Options the directory does not answer ({@code $skip}, {@code $expand}, {@code $search}, and {@code $orderby}
 * where nothing is sortable) are a 400.
 *
 * @param filter  the parsed {@code $filter}; null when absent or blank
 * @param orderBy the order asked for; null for id order
 * @param after   where the page starts; null for the first page
 */
public record CollectionQuery(FilterExpression filter, int top, OrderBy orderBy, PageCursor after, boolean count,
                              Set<String> select) {

    private static final Set<String> UNSUPPORTED = Set.of("$skip", "$expand", "$search", "$apply");

    /** {@code $orderby=<property> [asc|desc]}. */
    public record OrderBy(String property, boolean descending) {
    }

    /** The options of a collection nothing can sort ({@code $orderby} is a 400). */
    public static CollectionQuery parse(Map<String, String> parameters) {
        return parse(parameters, List.of());
    }

    /** The options of a collection that can be sorted by one of {@code sortable}. */
    public static CollectionQuery parse(Map<String, String> parameters, List<String> sortable) {
        for (String name : parameters.keySet()) {
            if (UNSUPPORTED.contains(name) || name.equals("$orderby") && sortable.isEmpty()) {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                        "The query option '" + name + "' is not supported.");
            }
        }
        String filter = parameters.get("$filter");
        OrderBy orderBy = orderBy(parameters.get("$orderby"), sortable);
        return new CollectionQuery(
                filter == null || filter.isBlank() ? null : FilterParser.parse(filter),
                option(() -> GraphPage.top(parameters.get("$top"))),
                orderBy,
                PageCursor.decode(parameters.get("$skiptoken"), orderBy),
                option(() -> GraphPage.count(parameters.get("$count"))),
                select(parameters.get("$select")));
    }

    /** The id of the last row of the previous page; null on the first page. */
    public String afterId() {
        return after == null ? null : after.id();
    }

    /** The {@code $skiptoken} of the page after the row {@code id} whose {@code $orderby} property is {@code sortKey}. */
    public String skipTokenAfter(String id, String sortKey) {
        return new PageCursor(orderBy, orderBy == null ? null : sortKey, id).encode();
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

    private static OrderBy orderBy(String value, List<String> sortable) {
        if (value == null) {
            return null;
        }
        String[] words = value.trim().split("\\s+");
        if (value.contains(",")) {
            throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                    "Ordering by more than one property is not supported.");
        }
        if (words.length > 2 || words[0].isEmpty()) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "Invalid $orderby '" + value + "': write a property, then asc or desc.");
        }
        String property = sortable.stream().filter(words[0]::equalsIgnoreCase).findFirst().orElseThrow(() ->
                new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY, "Ordering by '" + words[0]
                        + "' is not supported; order by " + String.join(" or ", sortable) + "."));
        if (words.length == 1 || words[1].equalsIgnoreCase("asc")) {
            return new OrderBy(property, false);
        }
        if (words[1].equalsIgnoreCase("desc")) {
            return new OrderBy(property, true);
        }
        throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                "Invalid $orderby direction '" + words[1] + "': use asc or desc.");
    }

    /** Directory query errors are {@link DirectoryException}s, whatever answers the option. */
    private static <T> T option(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (GraphException e) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, e.getMessage());
        }
    }
}
