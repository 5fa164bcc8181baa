package dev.steward.launcher.process;

import dev.steward.launcher.LauncherException;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started (the broker, a service). It runs in its own session where {@code setsid} exists,
 * so that Ctrl-C reaches only the launcher, which then stops its children in order (services before the broker).
 * Standard output and error go to one log file; the previous run's file is kept as {@code <name>.log.1}.
 */
public final class ChildProcess {

    private static final Optional<Path> SETSID = Arrays.stream(new String[] {"/usr/bin/setsid", "/bin/setsid"})
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** The java executable of the running JVM: children run on the same Java as the launcher. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        rotate(logFile);
        List<String> fullCommand = new ArrayList<>();
        SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new LauncherException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived command to completion, its output appended to {@code logFile}; fails on a non-zero exit. */
    public static void run(String name, List<String> command, Path workingDirectory, Path logFile, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LauncherException(name + " did not finish within " + timeoutSeconds + " s; see " + logFile);
            }
            if (process.exitValue() != 0) {
                throw new LauncherException(name + " failed (exit code " + process.exitValue() + "); last lines of "
                        + logFile + ":\n" + tail(logFile, 15));
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while running " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@code graceSeconds}. */
    public void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of this process's log, for error messages. */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    /**
     * The last {@code lines} lines of a log. When they are the middle of a stack trace, the trace's root cause (its
     * last {@code Caused by:} line) and Spring Boot's failure description come first, since they say what happened.
     */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log written)";
        }
        List<String> all = lastBytes(file, 64 * 1024).lines().toList();
        List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
        List<String> summary = new ArrayList<>();
        int description = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("Description:")) {
                description = i;
            }
        }
        if (description >= 0 && !tail.contains(all.get(description))) {
            summary.addAll(all.subList(description, Math.min(all.size(), description + 8)));
        }
        all.stream().filter(line -> line.startsWith("Caused by:")).reduce((first, second) -> second)
                .filter(cause -> !tail.contains(cause))
                .ifPresent(cause -> summary.add("Root cause: " + cause.substring("Caused by:".length()).trim()));
        if (!summary.isEmpty()) {
            summary.add("...");
        }
        summary.addAll(tail);
        return String.join("\n", summary);
    }

    private static String lastBytes(Path file, int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - count);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rotate(Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
