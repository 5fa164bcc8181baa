package dev.steward.launcher.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The run files of a stack under {@code <data dir>/run}: one pid file per process, {@code ready} (the banner, written
 * once everything answers) and {@code stack.properties} (what {@code ./steward status} shows).
 */
public final class RunFiles {

    public static final String LAUNCHER = "launcher";
    public static final String KAFKA = "kafka";
    public static final String WATCHDOG = "watchdog";

    private final StackLayout layout;

    public RunFiles(StackLayout layout) {
        this.layout = layout;
    }

    public void writePid(String component, long pid) {
        write(layout.pidFile(component), Long.toString(pid));
    }

    public OptionalLong pid(String component) {
        Path file = layout.pidFile(component);
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The pid of a running launcher of this data directory, if any. */
    public OptionalLong runningLauncher() {
        OptionalLong pid = pid(LAUNCHER);
        if (pid.isPresent() && pid.getAsLong() != ProcessHandle.current().pid()
                && commandLine(pid.getAsLong()).filter(line -> line.contains("launcher")).isPresent()) {
            return pid;
        }
        return OptionalLong.empty();
    }

    /**
     * Stops processes of this stack that outlived their launcher (killed with SIGKILL, and its watchdog too): services
     * first, then the broker. Only processes whose command line carries the stack's marker are touched.
     *
     * @return how many were stopped
     */
    public int stopLeftovers(PrintStream out) {
        List<String> services = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.run(), "*.pid")) {
            for (Path file : files) {
                String component = file.getFileName().toString().replaceFirst("\\.pid$", "");
                if (!List.of(LAUNCHER, KAFKA, WATCHDOG).contains(component)) {
                    services.add(component);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        int stopped = stop(services, out);
        stopped += stop(List.of(KAFKA), out);
        stop(List.of(WATCHDOG), null);
        return stopped;
    }

    private int stop(List<String> components, PrintStream out) {
        List<ProcessHandle> stopping = new ArrayList<>();
        for (String component : components) {
            OptionalLong pid = pid(component);
            if (pid.isPresent() && isOurs(pid.getAsLong())) {
                ProcessHandle.of(pid.getAsLong()).ifPresent(handle -> {
                    if (out != null) {
                        out.println("Stopping " + component + " (pid " + handle.pid() + ") left over from an earlier run");
                    }
                    handle.destroy();
                    stopping.add(handle);
                });
            }
            delete(layout.pidFile(component));
        }
        for (ProcessHandle handle : stopping) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
            } catch (ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
        return stopping.size();
    }

    /** True when {@code pid} runs and its command line carries this stack's marker. */
    public boolean isOurs(long pid) {
        return commandLine(pid).filter(line -> line.contains(layout.marker())).isPresent();
    }

    public static Optional<String> commandLine(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(handle -> handle.info().commandLine());
    }

    /** Asks the running launcher to restart a service ({@code ./steward restart}); it takes the request within 1 s. */
    public void requestRestart(String module) {
        write(restartRequest(module), Long.toString(ProcessHandle.current().pid()));
    }

    /** True (and the request is removed) if someone asked for a restart of {@code module}. */
    public boolean takeRestartRequest(String module) {
        try {
            return Files.deleteIfExists(restartRequest(module));
        } catch (IOException e) {
            return false;
        }
    }

    public boolean restartRequested(String module) {
        return Files.exists(restartRequest(module));
    }

    private Path restartRequest(String module) {
        return layout.run().resolve(module + ".restart");
    }

    public void writeReady(String banner) {
        write(layout.readyFile(), banner);
    }

    public void writeStack(Properties stack) {
        try (var out = Files.newBufferedWriter(layout.stackFile())) {
            stack.store(out, "the running Steward stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Properties> readStack() {
        if (!Files.exists(layout.stackFile())) {
            return Optional.empty();
        }
        Properties stack = new Properties();
        try (var in = Files.newBufferedReader(layout.stackFile())) {
            stack.load(in);
            return Optional.of(stack);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes every run file (after a clean stop). */
    public void clear() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.run())) {
            for (Path file : files) {
                delete(file);
            }
        } catch (IOException e) {
            // nothing to clear
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale run file does no harm
        }
    }
}
