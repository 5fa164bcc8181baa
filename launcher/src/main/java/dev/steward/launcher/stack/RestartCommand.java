package dev.steward.launcher.stack;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.service.StewardService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code ./steward restart <service>}: asks the running launcher of the data directory to restart one service and
 * waits until it reports UP again. The request is a file in {@code <data dir>/run}, which the launcher takes within a
 * second: whoever may write the data directory may restart its services, as they may stop them with
 * {@code ./steward down}; nothing listens on the network for it.
 */
public final class RestartCommand {

    private RestartCommand() {
    }

    /** @return 0 when the service is up again (a new process), 1 otherwise */
    public static int run(StackLayout layout, String serviceName, Duration timeout, PrintStream out) {
        StewardService service = StewardService.byShortName(serviceName).orElseThrow(() -> LauncherException.usage(
                "unknown service '" + serviceName + "'; one of " + Arrays.stream(StewardService.values())
                        .map(StewardService::shortName).collect(Collectors.joining(", "))));
        RunFiles runFiles = new RunFiles(layout);
        OptionalLong launcher = runFiles.runningLauncher();
        if (launcher.isEmpty()) {
            out.println("No Steward stack is running from " + layout.root() + ".");
            return 1;
        }
        Properties before = runFiles.readStack().orElse(null);
        if (before == null) {
            out.println("Steward is still starting (pid " + launcher.getAsLong() + "); try again once it is ready.");
            return 1;
        }
        String module = service.module();
        String oldPid = before.getProperty(module + ".pid");
        if (oldPid == null) {
            out.println(module + " is not run by this stack (it was skipped).");
            return 1;
        }
        runFiles.requestRestart(module);
        out.println("Restarting " + module + " (pid " + oldPid + ")...");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!runFiles.restartRequested(module)) {
                Properties now = runFiles.readStack().orElse(before);
                String pid = now.getProperty(module + ".pid");
                String state = now.getProperty(module + ".state", "");
                if (!oldPid.equals(pid) && state.equals("up")) {
                    out.println(module + " is up again (pid " + pid + ").");
                    return 0;
                }
                if (!oldPid.equals(pid) && state.equals("gave up")) {
                    out.println(module + " did not come back: " + now.getProperty(module + ".note", "") + ". See "
                            + layout.log(module) + ".");
                    return 1;
                }
            }
            if (runFiles.runningLauncher().isEmpty()) {
                out.println("The launcher stopped before " + module + " was restarted.");
                return 1;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        out.println(module + " did not report UP within " + timeout.toSeconds() + " s; see ./steward status and "
                + layout.log(module) + ".");
        return 1;
    }
}
