package dev.steward.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the executor of a service's background work (a relay, a refresh) as every such component does. */
public final class BackgroundExecutors {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private BackgroundExecutors() {
    }

    /** Lets the running task finish (up to 10 s), then interrupts it; keeps the caller's interrupt. */
    public static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
