package dev.steward.launcher.stack;

import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.service.HealthProbe;
import dev.steward.launcher.service.StewardService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

/** {@code ./steward status}: each process of the running stack, whether it answers, and its resident memory. */
public final class StatusCommand {

    private StatusCommand() {
    }

    /** @return 0 when everything answers, 1 otherwise */
    public static int run(StackLayout layout, PrintStream out) {
        RunFiles runFiles = new RunFiles(layout);
        if (runFiles.runningLauncher().isEmpty() || runFiles.readStack().isEmpty()) {
            out.println(runFiles.runningLauncher().isPresent()
                    ? "Steward is starting (pid " + runFiles.runningLauncher().getAsLong() + ")."
                    : "No Steward stack is running from " + layout.root() + ".");
            return 1;
        }
        Properties stack = runFiles.readStack().get();
        out.println("Steward is running (ready after " + stack.getProperty("ready-seconds") + " s)");
        out.printf(Locale.ROOT, "  %-20s %-8s %-10s %10s  %s%n", "process", "pid", "state", "resident", "address");
        boolean healthy = true;
        healthy &= row(out, "launcher + LDAP", stack.getProperty("launcher.pid"),
                reachable(URI.create(stack.getProperty("ldap.url"))), stack.getProperty("ldap.url"));
        String kafka = stack.getProperty("kafka.address");
        healthy &= row(out, "kafka", stack.getProperty("kafka.pid"), reachable(URI.create("kafka://" + kafka)), kafka);
        String auth = stack.getProperty(AuthServer.MODULE + ".url");
        if (auth != null) {
            healthy &= row(out, AuthServer.MODULE, stack.getProperty(AuthServer.MODULE + ".pid"),
                    new HealthProbe(auth).check().up(), auth);
        }
        for (StewardService service : StewardService.values()) {
            String url = stack.getProperty(service.module() + ".url");
            if (url != null) {
                String supervision = stack.getProperty(service.module() + ".state");
                healthy &= row(out, service.module(), stack.getProperty(service.module() + ".pid"),
                        new HealthProbe(url).check().up(), url, supervision);
                String note = stack.getProperty(service.module() + ".note");
                if (note != null) {
                    out.printf(Locale.ROOT, "  %-20s %s%n", "", note);
                }
            }
        }
        return healthy ? 0 : 1;
    }

    private static boolean row(PrintStream out, String name, String pidText, boolean answers, String address) {
        return row(out, name, pidText, answers, address, null);
    }

    /**
     * @param supervision what the launcher's supervisor says of a service ({@code up}, {@code starting},
     *                    {@code restarting}, {@code gave up}); shown when the process does not answer
     */
    private static boolean row(PrintStream out, String name, String pidText, boolean answers, String address,
                               String supervision) {
        long pid = Long.parseLong(pidText);
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        String state = alive && answers ? "up"
                : supervision != null && !supervision.equals("up") ? supervision : alive ? "down" : "gone";
        out.printf(Locale.ROOT, "  %-20s %-8d %-10s %10s  %s%n", name, pid, state,
                alive ? residentMemory(pid) : "-", address);
        return alive && answers;
    }

    /** Resident set size as {@code ps -o rss=} reports it. */
    public static String residentMemory(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid))
                    .redirectErrorStream(true).start();
            String kib = new String(ps.getInputStream().readAllBytes()).trim();
            ps.waitFor();
            return String.format(Locale.ROOT, "%d MiB", Long.parseLong(kib) / 1024);
        } catch (IOException | NumberFormatException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static boolean reachable(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
