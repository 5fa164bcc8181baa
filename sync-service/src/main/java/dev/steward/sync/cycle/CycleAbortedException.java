package dev.steward.sync.cycle;

/** A cycle cannot run as configured (e.g. no directory token): it fails with this message, nothing is exported. */
public class CycleAbortedException extends RuntimeException {

    public CycleAbortedException(String message) {
        super(message);
    }
}
