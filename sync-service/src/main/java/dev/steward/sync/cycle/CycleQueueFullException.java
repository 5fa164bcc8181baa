package dev.steward.sync.cycle;

/** Too many cycles are already waiting: the request is refused (HTTP 409), nothing is queued. */
public class CycleQueueFullException extends RuntimeException {

    public CycleQueueFullException(int waiting) {
        super("A sync cycle is running and " + (waiting - 1)
                + " more are queued; request another one when the queue has drained.");
    }
}
