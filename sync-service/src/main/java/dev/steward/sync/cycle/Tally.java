package dev.steward.sync.cycle;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a running cycle; kept even when the cycle fails half way. */
public final class Tally {

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    public synchronized void add(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public synchronized CycleCounts counts() {
        return new CycleCounts(get(Outcome.ADDED), get(Outcome.UPDATED), get(Outcome.UNCHANGED), get(Outcome.SKIPPED),
                get(Outcome.FAILED));
    }

    private int get(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
