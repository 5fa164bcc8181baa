package dev.steward.directory.history;

import java.util.List;
import java.util.Map;

/**
 * One page of a delta query: its items and where the next request starts, a {@code @odata.nextLink} while the round
 * goes on, a {@code @odata.deltaLink} ({@link DeltaCursor.Phase#DELTA}) on its last page.
 */
record DeltaPage(List<Map<String, Object>> value, DeltaCursor next) {

    boolean last() {
        return next.phase() == DeltaCursor.Phase.DELTA;
    }
}
