package dev.steward.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs several instances' work on their own threads, released at the same moment, and waits for all of them. */
public final class AtOnce {

    private AtOnce() {
    }

    public static void run(Duration timeout, Runnable... instances) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Runnable instance : instances) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                instance.run();
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(timeout.toMillis());
        }
    }
}
