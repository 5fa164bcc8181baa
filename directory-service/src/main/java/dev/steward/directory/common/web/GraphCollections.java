package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphPage;
import dev.steward.platform.web.KeysetPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Graph collections that are navigations of one object (members, owners, memberOf, ...): {@code $top},
 * {@code $skiptoken}, {@code $count}, {@code $select}; {@code $filter} and the other options are a 400. Also the
 * {@code /$count} segment, which Graph answers only to requests sent with {@code ConsistencyLevel: eventual}.
 */
public final class GraphCollections {

    public static final String CONSISTENCY_LEVEL = "ConsistencyLevel";

    private GraphCollections() {
    }

    /** The options of a navigation request; anything but paging, counting and selecting is refused. */
    public static CollectionQuery navigationQuery(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("$") && !List.of("$top", "$skiptoken", "$count", "$select").contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                        "The query option '" + name + "' is not supported on this collection.");
            }
        }
        return CollectionQuery.parse(parameters);
    }

    /**
     * The options of a {@code /$count} request on a top-level collection ({@code /groups/$count}): only
     * {@code $filter} decides the number; paging, counting and selecting options mean nothing there and are refused.
     */
    public static CollectionQuery countQuery(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("$") && !name.equals("$filter")) {
                throw new DirectoryException(DirectoryErrorCode.UNSUPPORTED_QUERY,
                        "The query option '" + name + "' is not supported with $count.");
            }
        }
        return CollectionQuery.parse(parameters);
    }

    /**
     * One page of a collection.
     *
     * @param rows     up to {@link KeysetPage#fetchSize} rows after the cursor, in cursor order
     * @param cursorOf the cursor text of a row (its id)
     */
    public static <T> ResponseEntity<Map<String, Object>> page(CollectionQuery query, HttpServletRequest request,
                                                               String context, List<T> rows,
                                                               Function<T, String> cursorOf,
                                                               Function<List<T>, List<Map<String, Object>>> render,
                                                               LongSupplier count) {
        KeysetPage<T, String> page = KeysetPage.of(rows, query.top(),
                last -> GraphPage.nextLink(request, query.skipTokenAfter(cursorOf.apply(last), null)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(GraphPage.collection(context,
                render.apply(page.rows()), query.count() ? count.getAsLong() : null, page.next()));
    }

    /** The {@code /$count} segment: the number as plain text. */
    public static ResponseEntity<String> count(HttpServletRequest request, LongSupplier count) {
        if (!"eventual".equalsIgnoreCase(request.getHeader(CONSISTENCY_LEVEL))) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                    "$count is not currently supported without the header 'ConsistencyLevel: eventual'.");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(Long.toString(count.getAsLong()));
    }
}
