package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The OData options of a Graph collection request: {@code $filter}, {@code $top} (default 100, at most 999),
 * {@code $skiptoken} (opaque: the last id of the previous page), {@code $count} and {@code $select}. Options the
 * directory does not answer ({@code $skip}, {@code $orderby}, {@code $expand}, {@code $search}) are a 400.
 */
public record CollectionQuery(List<FilterClause> filter, int top, String afterId, boolean count, Set<String> select) {

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
                option(() -> GraphPage.top(parameters.get("$top"))),
                option(() -> GraphPage.cursor(parameters.get("$skiptoken"))),
                option(() -> GraphPage.count(parameters.get("$count"))),
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

    /** Directory query errors are {@link DirectoryException}s, whatever answers the option. */
    private static <T> T option(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (GraphException e) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, e.getMessage());
        }
    }
}
