package dev.steward.launcher.stack;

import java.io.PrintStream;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./steward down}: asks the launcher of the data directory to stop (SIGTERM: its shutdown hook stops the
 * services, the broker and the directory), then stops anything of the stack that is still running.
 */
public final class DownCommand {

    private DownCommand() {
    }

    public static void run(StackLayout layout, PrintStream out) {
        RunFiles runFiles = new RunFiles(layout);
        OptionalLong launcher = runFiles.runningLauncher();
        if (launcher.isPresent()) {
            long pid = launcher.getAsLong();
            out.println("Stopping Steward (pid " + pid + ")...");
            ProcessHandle.of(pid).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(120, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    out.println("The launcher did not stop within 120 s; killing it.");
                    handle.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        int leftovers = runFiles.stopLeftovers(out);
        runFiles.clear();
        if (launcher.isPresent() || leftovers > 0) {
            out.println("Steward stopped.");
        } else {
            out.println("No Steward stack is running from " + layout.root() + ".");
        }
    }
}
