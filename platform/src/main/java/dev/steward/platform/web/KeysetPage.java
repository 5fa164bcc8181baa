package dev.steward.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * A page read by keyset: the store is asked for {@link #fetchSize} rows after the cursor, one more than the page
 * holds, so that the extra row says whether more follow without counting.
 *
 * @param rows the rows of the page, in cursor order
 * @param next the cursor after the last row of the page when more follow; null on the last page
 */
public record KeysetPage<T, C>(List<T> rows, C next) {

    /** How many rows to ask the store for, for a page of {@code limit}. */
    public static int fetchSize(int limit) {
        return limit + 1;
    }

    /** The page of {@code limit} the fetched rows make; {@code cursorOf} gives the cursor after a row. */
    public static <T, C> KeysetPage<T, C> of(List<T> fetched, int limit, Function<T, C> cursorOf) {
        if (fetched.size() <= limit) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, limit));
        return new KeysetPage<>(shown, cursorOf.apply(shown.get(limit - 1)));
    }

    /** The same page with each row mapped (to what a response shows of it); the cursor stays. */
    public <R> KeysetPage<R, C> map(Function<? super T, ? extends R> mapper) {
        return new KeysetPage<>(rows.stream().<R>map(mapper).toList(), next);
    }
}
