package dev.steward.sync.cycle;

import java.time.Instant;

/**
 * How far a cycle is, as its runner last saved it: the phase ({@link Tally} names them), objects processed of the
 * total known so far (null until the cycle has read the directory), and how many failed.
 */
public record CycleProgress(String phase, int processed, Integer total, int errors, Instant updatedAt) {
}
