package dev.steward.directory.common.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.platform.web.GraphException;
import dev.steward.platform.web.GraphPage;
import java.util.Objects;

/**
 * Where the next page of a collection starts: after the row with {@code id} and, under {@code $orderby}, with
 * {@code sortKey} (which may be null). Clients see it only inside the opaque {@code $skiptoken}, which also
 * records the order it belongs to; a token that is not ours, or that belongs to another {@code $orderby}, is a
 * 400.
 *
 * @param order the {@code $orderby} the cursor belongs to; null for id order
 */
public record PageCursor(CollectionQuery.OrderBy order, String sortKey, String id) {

    private static final String VERSION = "d1";
    private static final String SEPARATOR = "\n";
    private static final String ID_ORDER = "id";

    public PageCursor {
        Objects.requireNonNull(id);
    }

    /** The {@code $skiptoken} of this cursor. */
    public String encode() {
        String text = VERSION + SEPARATOR + describe(order) + SEPARATOR + id;
        if (order != null) {
            text += SEPARATOR + (sortKey == null ? "0" : "1" + sortKey);
        }
        return GraphPage.skipToken(text);
    }

    /** The cursor a {@code $skiptoken} made by {@link #encode()} carries, for a query ordered by {@code order}. */
    static PageCursor decode(String skipToken, CollectionQuery.OrderBy order) {
        String text;
        try {
            text = GraphPage.cursor(skipToken);
        } catch (GraphException e) {
            throw invalid();
        }
        if (text == null) {
            return null;
        }
        String[] parts = text.split(SEPARATOR, 4);
        if (parts.length < 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()
                || parts.length != (parts[1].equals(ID_ORDER) ? 3 : 4)
                || parts.length == 4 && !(parts[3].equals("0") || parts[3].startsWith("1"))) {
            throw invalid();
        }
        if (!parts[1].equals(describe(order))) {
            throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "The $skiptoken belongs to another $orderby. "
                    + "Use the @odata.nextLink of a previous page as it is.");
        }
        String sortKey = parts.length == 4 && parts[3].startsWith("1") ? parts[3].substring(1) : null;
        return new PageCursor(order, sortKey, parts[2]);
    }

    private static String describe(CollectionQuery.OrderBy order) {
        return order == null ? ID_ORDER : order.property() + (order.descending() ? " desc" : " asc");
    }

    private static DirectoryException invalid() {
        return new DirectoryException(DirectoryErrorCode.BAD_REQUEST, "The $skiptoken is not valid.");
    }
}
