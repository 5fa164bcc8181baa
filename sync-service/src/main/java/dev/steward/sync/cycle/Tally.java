package dev.steward.sync.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts and progress of a running cycle; kept even when the cycle fails half way. The engine names its phase and,
 * once known, how many objects it will process; its runner may stop it ({@link #stop}), which the engine finds out at
 * the next batch it starts or counts.
 */
public final class Tally {

    public static final String STARTING = "starting";
    public static final String IMPORT = "import";
    public static final String EXPORT = "export";
    public static final String MEMBERSHIP = "membership";
    public static final String DONE = "done";

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final Map<String, Long> phaseStartedNanos = new LinkedHashMap<>(Map.of(STARTING, System.nanoTime()));
    private String phase = STARTING;
    private Integer total;
    private volatile String stopReason;

    /** @throws CycleAbortedException if the cycle was stopped */
    public synchronized void add(Outcome outcome) {
        checkGoingOn();
        counts.merge(outcome, 1, Integer::sum);
    }

    /**
     * Counts the outcomes of a batch whose rows were committed, then checks that the cycle goes on.
     *
     * @throws CycleAbortedException if the cycle was stopped
     */
    public void addAll(Collection<Outcome> outcomes) {
        synchronized (this) {
            outcomes.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        }
        checkGoingOn();
    }

    /** An object counted as {@code outcome} failed after all (a command of it could never be sent). */
    public synchronized void recountAsFailed(Outcome outcome) {
        counts.merge(outcome, -1, Integer::sum);
        counts.merge(Outcome.FAILED, 1, Integer::sum);
    }

    /** The cycle enters {@code phase}, with {@code total} objects to process in all (null if not known yet). */
    public synchronized void phase(String phase, Integer total) {
        checkGoingOn();
        this.phase = phase;
        phaseStartedNanos.putIfAbsent(phase, System.nanoTime());
        if (total != null) {
            this.total = total;
        }
    }

    /** Asks the cycle to stop at its next batch. */
    public void stop(String reason) {
        stopReason = reason;
    }

    /** @throws CycleAbortedException if the cycle was stopped */
    public void checkGoingOn() {
        String reason = stopReason;
        if (reason != null) {
            throw new CycleAbortedException(reason);
        }
    }

    public synchronized CycleCounts counts() {
        return new CycleCounts(get(Outcome.ADDED), get(Outcome.UPDATED), get(Outcome.UNCHANGED), get(Outcome.SKIPPED),
                get(Outcome.FAILED));
    }

    public synchronized CycleProgress progress(Instant now) {
        int processed = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new CycleProgress(phase, processed, total, get(Outcome.FAILED), now);
    }

    /** How long each phase took so far, in order, e.g. {@code starting 0.05 s, import 1.20 s, export 4.31 s}. */
    public synchronized String phaseTimes() {
        List<String> phases = List.copyOf(phaseStartedNanos.keySet());
        List<String> times = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            long end = i + 1 < phases.size() ? phaseStartedNanos.get(phases.get(i + 1)) : System.nanoTime();
            times.add(String.format(Locale.ROOT, "%s %.2f s", phases.get(i),
                    (end - phaseStartedNanos.get(phases.get(i))) / 1e9));
        }
        return String.join(", ", times);
    }

    private int get(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
